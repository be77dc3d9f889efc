package dev.flowlet.api.auth;

/** What a staff user may do. */
public enum Role {
  /** Records customers, accounts and money movements. */
  OPERATOR,
  /** Reads alerts, decisions and audit; proposes rule changes. */
  COMPLIANCE_OFFICER,
  /** Approves what someone else requested (four eyes). */
  APPROVER,
  /** Reads everything, changes nothing. */
  AUDITOR,
  /** Manages staff users. */
  ADMIN
}
