package dev.flowlet.api.attacks;

import dev.flowlet.api.auth.Role;

/** Who calls: one demo user per role, or nobody signed in. */
enum Caller {
  OPERATOR("demo-operator", Role.OPERATOR),
  COMPLIANCE_OFFICER("demo-officer", Role.COMPLIANCE_OFFICER),
  APPROVER("demo-approver", Role.APPROVER),
  AUDITOR("demo-auditor", Role.AUDITOR),
  ADMIN("demo-admin", Role.ADMIN),
  ANONYMOUS(null, null);

  final String username;
  final Role role;

  Caller(String username, Role role) {
    this.username = username;
    this.role = role;
  }
}
