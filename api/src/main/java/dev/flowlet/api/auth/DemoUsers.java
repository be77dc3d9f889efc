package dev.flowlet.api.auth;

import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Seeds one demo user per role, in the {@code local} profile only. */
@Component
@Profile(LocalSecretsGuard.LOCAL_PROFILE)
class DemoUsers implements ApplicationRunner {

  static final Map<String, Role> USERS =
      Map.of(
          "demo-operator", Role.OPERATOR,
          "demo-officer", Role.COMPLIANCE_OFFICER,
          "demo-approver", Role.APPROVER,
          "demo-auditor", Role.AUDITOR,
          "demo-admin", Role.ADMIN);

  private final StaffUsers staffUsers;
  private final PasswordEncoder passwords;
  private final AuthSettings settings;

  DemoUsers(StaffUsers staffUsers, PasswordEncoder passwords, AuthSettings settings) {
    this.staffUsers = staffUsers;
    this.passwords = passwords;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    String hash = passwords.encode(settings.demoPassword());
    USERS.forEach((username, role) -> staffUsers.save(username, hash, List.of(role)));
  }
}
