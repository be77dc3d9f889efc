package dev.flowlet.api.auth;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for a user name and password. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  /** Checked when the user is unknown, so both failures take the same time. */
  private final String unknownUserHash;

  private final StaffUsers staffUsers;
  private final PasswordEncoder passwords;
  private final TokenIssuer tokens;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  AuthController(
      StaffUsers staffUsers,
      PasswordEncoder passwords,
      TokenIssuer tokens,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.staffUsers = staffUsers;
    this.passwords = passwords;
    this.tokens = tokens;
    this.audit = audit;
    this.transactions = transactions;
    this.unknownUserHash = passwords.encode("no such user");
  }

  @PostMapping("/token")
  ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    Optional<StaffUsers.StaffUser> user = staffUsers.find(credentials.username());
    boolean passwordMatches =
        passwords.matches(
            credentials.password(),
            user.map(StaffUsers.StaffUser::passwordHash).orElse(unknownUserHash));
    boolean accepted = passwordMatches && user.isPresent() && user.get().enabled();
    Actor actor = Actor.anonymous(credentials.username(), request);
    transactions.executeWithoutResult(
        status ->
            audit.record(
                actor,
                accepted ? "auth.login" : "auth.login_failed",
                "staff_user",
                credentials.username(),
                null,
                accepted ? Outcome.SUCCESS : Outcome.FAILURE,
                Map.of()));
    if (!accepted) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED, "Unknown user name or wrong password");
      problem.setType(java.net.URI.create("https://flowlet.dev/problems/bad-credentials"));
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
    return ResponseEntity.ok(tokens.issue(user.get().username(), user.get().roles()));
  }

  record Credentials(
      @NotBlank @Size(max = 128) String username, @NotBlank @Size(max = 256) String password) {}
}
