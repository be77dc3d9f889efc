package dev.flowlet.api.auth;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.auth.StaffUsers.StaffUser;
import dev.flowlet.api.problems.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff users, for ADMINs: {@code /api/v1/users}. Answers never carry a password or its hash. */
@RestController
@RequestMapping("/api/v1/users")
class StaffUserController {

  static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

  private final StaffUserAdministration administration;
  private final Clock clock;

  StaffUserController(StaffUserAdministration administration, Clock clock) {
    this.administration = administration;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<StaffUserView> create(
      @Valid @RequestBody NewStaffUser user,
      Authentication authentication,
      HttpServletRequest request) {
    StaffUser created =
        administration.create(
            user.username(), user.password(), user.roles(), Actor.of(authentication, request));
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
        .body(view(created));
  }

  @GetMapping
  List<StaffUserView> all() {
    return administration.all().stream().map(this::view).toList();
  }

  @GetMapping("/{username}")
  StaffUserView one(@PathVariable String username) {
    return view(administration.get(username));
  }

  @PatchMapping("/{username}")
  StaffUserView update(
      @PathVariable String username,
      @Valid @RequestBody StaffUserChange change,
      Authentication authentication,
      HttpServletRequest request) {
    if (change.roles() == null && change.enabled() == null) {
      throw new InvalidRequestException("roles", "Give roles, enabled or both");
    }
    return view(
        administration.update(
            username, change.roles(), change.enabled(), Actor.of(authentication, request)));
  }

  @PostMapping("/{username}/unlock")
  StaffUserView unlock(
      @PathVariable String username, Authentication authentication, HttpServletRequest request) {
    return view(administration.unlock(username, Actor.of(authentication, request)));
  }

  private StaffUserView view(StaffUser user) {
    boolean locked = user.lockedUntil() != null && clock.instant().isBefore(user.lockedUntil());
    return new StaffUserView(
        user.username(),
        user.roles(),
        user.enabled(),
        locked,
        locked ? user.lockedUntil() : null,
        user.createdAt());
  }

  record NewStaffUser(
      @NotNull
          @Pattern(regexp = USERNAME_PATTERN, message = "must be 3-64 of a-z, 0-9, '.', '_', '-'")
          String username,
      @NotNull
          @Size(
              min = PasswordHashing.MIN_LENGTH,
              max = PasswordHashing.MAX_LENGTH,
              message = "must be 12 to 256 characters long")
          String password,
      @NotEmpty List<@NotNull Role> roles) {}

  /** A partial change: absent fields stay as they are. */
  record StaffUserChange(@Size(min = 1) List<@NotNull Role> roles, Boolean enabled) {}

  /**
   * @param locked whether failed logins locked the user name now
   * @param lockedUntil when the lock ends, while locked
   */
  record StaffUserView(
      String username,
      List<Role> roles,
      boolean enabled,
      boolean locked,
      Instant lockedUntil,
      Instant createdAt) {}
}
