package dev.flowlet.api.auth;

/** What a staff user may do. */
public enum Role {
  /** Records customers, accounts and money movements. */
  OPERATOR,
  /** Reads the ledger, alerts, audit and rules; proposes rule changes; reveals card numbers. */
  COMPLIANCE_OFFICER,
  /** Reads rules and approves or rejects what someone else proposed (four eyes). */
  APPROVER,
  /** Reads the ledger, alerts, audit and rules; changes nothing. */
  AUDITOR,
  /** Manages staff users and runs administrative operations such as card-key rotation. */
  ADMIN
}
