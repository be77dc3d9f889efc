package dev.flowlet.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Request bodies for card transactions, as a point-of-sale client would send them. */
final class CardPayments {

  /** Test card numbers of the card schemes; Luhn-valid, never issued. */
  static final String VISA = "4111111111111111";

  static final String MASTERCARD = "5555555555554444";
  static final String AMEX = "378282246310005";

  private CardPayments() {}

  /** A {@code CARD_PAYMENT} of 12.50 EUR with the card number as typed. */
  static String payment(String accountId, String typedNumber) {
    return body(accountId, "CARD_PAYMENT", "{\"number\":\"" + typedNumber + "\"}");
  }

  /**
   * A transaction of {@code type} whose {@code card} field is {@code cardJson} verbatim, or that
   * has no card field when it is null.
   */
  static String body(String accountId, String type, String cardJson) {
    return """
        {"accountId":"%s","type":"%s","amount":"12.50","currency":"EUR","occurredAt":"%s",
         "counterparty":{"name":"Corner Shop","country":"GB"},
         "channel":{"country":"GB","deviceId":"pos-%s"}%s}"""
        .formatted(
            accountId,
            type,
            Instant.now().minus(Duration.ofHours(1)),
            UUID.randomUUID(),
            cardJson == null ? "" : ",\"card\":" + cardJson);
  }

  /** The number in groups of four, as printed on a card. */
  static String grouped(String digits) {
    return digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
  }
}
