package dev.flowlet.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.auth.LoggingIn.StartedSession;
import dev.flowlet.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token} (user name and password), {@code /refresh} (a refresh token) and
 * {@code /logout} (the bearer token's session).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  private final LoggingIn loggingIn;
  private final RotatingRefreshTokens refreshTokens;
  private final LoggingOut loggingOut;
  private final TokenIssuer tokens;
  private final Clock clock;

  AuthController(
      LoggingIn loggingIn,
      RotatingRefreshTokens refreshTokens,
      LoggingOut loggingOut,
      TokenIssuer tokens,
      Clock clock) {
    this.loggingIn = loggingIn;
    this.refreshTokens = refreshTokens;
    this.loggingOut = loggingOut;
    this.tokens = tokens;
    this.clock = clock;
  }

  @PostMapping("/token")
  ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    Optional<StartedSession> session =
        loggingIn.logIn(
            credentials.username(),
            credentials.password(),
            Actor.anonymous(credentials.username(), request));
    return answer(session, "bad-credentials", "Unknown user name or wrong password");
  }

  @PostMapping("/refresh")
  ResponseEntity<?> refresh(@Valid @RequestBody Refresh refresh, HttpServletRequest request) {
    Optional<StartedSession> session =
        refreshTokens.rotate(refresh.refreshToken(), Actor.anonymous("anonymous", request));
    return answer(
        session, "invalid-refresh-token", "The refresh token is invalid, expired or revoked");
  }

  @PostMapping("/logout")
  ResponseEntity<Void> logout(
      @AuthenticationPrincipal Jwt token,
      Authentication authentication,
      HttpServletRequest request) {
    loggingOut.logOut(token, Actor.of(authentication, request));
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<?> answer(Optional<StartedSession> session, String type, String detail) {
    if (session.isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
      problem.setType(Problems.type(type));
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
    StartedSession started = session.get();
    TokenIssuer.AccessToken access =
        tokens.issue(started.username(), started.roles(), started.session());
    long refreshExpiresIn = Duration.between(clock.instant(), started.expiresAt()).toSeconds();
    return ResponseEntity.ok(
        new Tokens(
            access.value(),
            "Bearer",
            access.expiresIn(),
            started.refreshToken(),
            refreshExpiresIn));
  }

  record Credentials(
      @NotBlank @Size(max = 128) String username,
      @NotBlank @Size(max = PasswordHashing.MAX_LENGTH) String password) {}

  record Refresh(@JsonProperty("refresh_token") @NotBlank @Size(max = 128) String refreshToken) {}

  /**
   * The answer of {@code /token} and {@code /refresh}.
   *
   * @param refreshToken single use: {@code /refresh} answers a new one each time
   * @param refreshExpiresIn seconds until the session ends; rotation does not extend it
   */
  record Tokens(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("refresh_expires_in") long refreshExpiresIn) {}
}
