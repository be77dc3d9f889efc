package dev.flowlet.batch.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The API's staff roles, as they appear in a token's {@code roles} claim. */
public enum StaffRole {
  OPERATOR,
  COMPLIANCE_OFFICER,
  APPROVER,
  AUDITOR,
  ADMIN;

  /** Whether the caller holds at least one of these roles. */
  public static boolean anyOf(Authentication caller, Set<StaffRole> roles) {
    Collection<? extends GrantedAuthority> authorities = caller.getAuthorities();
    return authorities.stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> roles.stream().anyMatch(role -> authority.equals(role.authority())));
  }

  String authority() {
    return "ROLE_" + name();
  }
}
