package dev.flowlet.streams.rules.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One money movement as the rules see it: the transaction's own facts plus its amount in the
 * reporting currency, so that every amount rule compares like with like.
 *
 * @param transactionId the transaction
 * @param accountId the account the movement is booked on
 * @param customerId that account's holder
 * @param type what kind of movement it is
 * @param amount the amount as recorded, in {@code currency}
 * @param currency ISO 4217 code of {@code amount}
 * @param reportingCents the amount in hundredths of the reporting currency
 * @param occurredAt when it happened (event time)
 * @param counterpartyName the other party's name, or null
 * @param counterpartyCountry the other party's country, or null
 * @param channelCountry the country the movement came from, or null
 * @param deviceId the device it came from, or null: its keyed pseudonym ({@code
 *     TransactionRecorded.Channel.deviceRef}) since schema 2, its id in clear in schema 1
 */
public record Movement(
    String transactionId,
    String accountId,
    String customerId,
    MovementType type,
    BigDecimal amount,
    String currency,
    long reportingCents,
    Instant occurredAt,
    String counterpartyName,
    String counterpartyCountry,
    String channelCountry,
    String deviceId) {

  /** Event time in epoch milliseconds, the clock every window is measured on. */
  public long at() {
    return occurredAt.toEpochMilli();
  }

  public boolean outgoing() {
    return type.outgoing();
  }
}
