package dev.flowlet.api.auth;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.auth.StaffUsers.StaffUser;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an ADMIN does to staff users, each change audited in its own transaction. Changing a user's
 * roles or disabling it revokes the user's sessions, so tokens with the old roles stop working
 * within the revocation refresh interval instead of living until they expire.
 */
@Component
class StaffUserAdministration {

  private static final String RESOURCE = "staff_user";

  private final StaffUsers staffUsers;
  private final Sessions sessions;
  private final RevocationList revocations;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  StaffUserAdministration(
      StaffUsers staffUsers,
      Sessions sessions,
      RevocationList revocations,
      PasswordEncoder passwords,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.staffUsers = staffUsers;
    this.sessions = sessions;
    this.revocations = revocations;
    this.passwords = passwords;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  StaffUser create(String username, String password, List<Role> roles, Actor admin) {
    String hash = passwords.encode(password);
    List<Role> distinct = roles.stream().distinct().sorted().toList();
    return transactions.execute(
        status -> {
          if (!staffUsers.create(username, hash, distinct)) {
            throw new ConflictException("A staff user with that user name exists");
          }
          audit.record(
              admin,
              "staff_user.created",
              RESOURCE,
              username,
              null,
              Outcome.SUCCESS,
              Map.of("roles", names(distinct)));
          return staffUsers.find(username).orElseThrow();
        });
  }

  List<StaffUser> all() {
    return staffUsers.all();
  }

  StaffUser get(String username) {
    return staffUsers.find(username).orElseThrow(() -> new NotFoundException("staff user"));
  }

  /**
   * @param roles the new roles, or null to keep them
   * @param enabled the new state, or null to keep it
   */
  StaffUser update(String username, List<Role> roles, Boolean enabled, Actor admin) {
    Instant now = clock.instant();
    boolean revoked =
        transactions.execute(
            status -> {
              StaffUser user =
                  staffUsers.lock(username).orElseThrow(() -> new NotFoundException("staff user"));
              List<Role> newRoles =
                  roles == null ? user.roles() : roles.stream().distinct().sorted().toList();
              boolean newEnabled = enabled == null ? user.enabled() : enabled;
              if (username.equals(admin.name())
                  && (!newEnabled || !newRoles.contains(Role.ADMIN))) {
                throw new ConflictException(
                    "You cannot disable yourself or remove your own ADMIN role");
              }
              staffUsers.update(username, newRoles, newEnabled);
              boolean rolesChanged = !newRoles.equals(user.roles().stream().sorted().toList());
              boolean disabled = user.enabled() && !newEnabled;
              int sessionsRevoked =
                  rolesChanged || disabled
                      ? sessions.revokeAllOf(
                          username, now, disabled ? "user_disabled" : "roles_changed")
                      : 0;
              audit.record(
                  admin,
                  "staff_user.updated",
                  RESOURCE,
                  username,
                  null,
                  Outcome.SUCCESS,
                  Map.of(
                      "roles", names(newRoles),
                      "enabled", Boolean.toString(newEnabled),
                      "sessionsRevoked", Integer.toString(sessionsRevoked)));
              return rolesChanged || disabled;
            });
    if (revoked) {
      revocations.reload();
    }
    return get(username);
  }

  StaffUser unlock(String username, Actor admin) {
    return transactions.execute(
        status -> {
          StaffUser user =
              staffUsers.lock(username).orElseThrow(() -> new NotFoundException("staff user"));
          staffUsers.unlock(username);
          audit.record(
              admin,
              "staff_user.unlocked",
              RESOURCE,
              username,
              null,
              Outcome.SUCCESS,
              Map.of("wasLockedUntil", String.valueOf(user.lockedUntil())));
          return staffUsers.find(username).orElseThrow();
        });
  }

  private static String names(List<Role> roles) {
    return String.join(",", roles.stream().map(Role::name).toList());
  }
}
