package dev.flowlet.api.privacy;

/**
 * What a customer may consent to, one value per purpose, each with the legal basis of the
 * processing it covers and what Flowlet does for a customer who never declared anything.
 */
public enum ConsentPurpose {

  /**
   * Keeping the identifier of the device a transaction came from, so that the screening rules can
   * recognise a new device. Legal basis: consent (GDPR Art. 6(1)(a); reading an identifier from the
   * customer's terminal equipment, ePrivacy Directive Art. 5(3)). Customers on-boarded before
   * consent was recorded are treated as having granted it until they declare otherwise (the terms
   * they accepted at on-boarding covered fraud screening); one withdrawal stops it for every later
   * transaction.
   */
  DEVICE_FINGERPRINTING(true),

  /**
   * Using the profile and transaction history for marketing offers. Legal basis: consent (GDPR Art.
   * 6(1)(a)). Opt-in only: without a recorded grant it is refused.
   */
  MARKETING(false),

  /**
   * Sharing data with third-party partners for their own purposes. Legal basis: consent (GDPR Art.
   * 6(1)(a)). Opt-in only: without a recorded grant it is refused.
   */
  THIRD_PARTY_SHARING(false);

  private final boolean grantedWhenUnrecorded;

  ConsentPurpose(boolean grantedWhenUnrecorded) {
    this.grantedWhenUnrecorded = grantedWhenUnrecorded;
  }

  /** Whether processing for this purpose may go ahead for a customer with no recorded decision. */
  public boolean grantedWhenUnrecorded() {
    return grantedWhenUnrecorded;
  }

  /**
   * Whether processing for this purpose may go ahead.
   *
   * @param latestDecision the customer's latest recorded grant (true) or withdrawal (false), or
   *     null when they never declared anything for this purpose
   */
  public boolean allows(Boolean latestDecision) {
    return latestDecision == null ? grantedWhenUnrecorded : latestDecision;
  }
}
