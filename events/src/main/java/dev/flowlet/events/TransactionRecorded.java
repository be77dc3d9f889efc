package dev.flowlet.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A money movement the API accepted and committed. Carries no personal data of the account holder:
 * rules need only ids, amounts, times and the channel.
 *
 * @param schemaVersion version of this record's schema
 * @param eventId unique id of this event
 * @param transactionId the transaction's id in the ledger
 * @param accountId the account the money moved on (also the Kafka key)
 * @param customerId the account holder (the data subject)
 * @param type DEPOSIT, WITHDRAWAL, TRANSFER, CARD_PAYMENT or REFUND
 * @param amount positive amount in {@code currency}, as a decimal string on the wire
 * @param currency ISO 4217 code
 * @param occurredAt when the movement happened (event time for the rules)
 * @param recordedAt when the API committed it
 * @param counterparty the other party
 * @param channel where the movement came from
 */
public record TransactionRecorded(
    int schemaVersion,
    String eventId,
    String transactionId,
    String accountId,
    String customerId,
    String type,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    String currency,
    Instant occurredAt,
    Instant recordedAt,
    Counterparty counterparty,
    Channel channel) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * The other party of a movement.
   *
   * @param name its name, as screened against sanctions lists
   * @param country its ISO 3166-1 alpha-2 country
   * @param accountId for a {@code TRANSFER}, the Flowlet account credited; otherwise null
   * @param customerId for a {@code TRANSFER}, the holder of the account credited; otherwise null
   */
  public record Counterparty(String name, String country, String accountId, String customerId) {

    /** A counterparty outside Flowlet. */
    public Counterparty(String name, String country) {
      this(name, country, null, null);
    }
  }

  /** The channel a movement came through: the country it came from and the device. */
  public record Channel(String country, String deviceId) {}
}
