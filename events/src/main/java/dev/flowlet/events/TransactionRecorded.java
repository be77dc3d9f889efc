package dev.flowlet.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A money movement the API accepted and committed. Carries no personal data of a data subject in
 * clear: rules need only ids, amounts, times, the channel country and keyed pseudonyms. What a
 * legitimate reader may need in clear travels sealed with the subject's key ({@link SealedValue}),
 * so that erasing the subject (deleting the key) makes every copy in Kafka unreadable.
 *
 * <p>Schema versions: 1 carried {@code channel.deviceId} and every {@code counterparty.name} in
 * clear; 2 carries {@code channel.deviceRef} (pseudonym) and {@code channel.sealedDeviceId}
 * instead, and for a transfer to a Flowlet customer {@code counterparty.sealedName} (sealed with
 * the credited customer's key) instead of {@code counterparty.name}. Readers accept both.
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

  public static final int SCHEMA_VERSION = 2;

  /** The field names sealed values are bound to (see {@link SubjectDataCipher#seal}). */
  public static final String SEALED_DEVICE_ID = "channel.deviceId";

  public static final String SEALED_COUNTERPARTY_NAME = "counterparty.name";

  /** The pseudonym purpose of {@link Channel#deviceRef()}. */
  public static final String DEVICE_PSEUDONYM = "device";

  /**
   * The other party of a movement.
   *
   * @param name its name, as screened against sanctions lists; in version 2 null for a transfer to
   *     a Flowlet customer (a data subject), whose name travels in {@code sealedName} only
   * @param country its ISO 3166-1 alpha-2 country
   * @param accountId for a {@code TRANSFER}, the Flowlet account credited; otherwise null
   * @param customerId for a {@code TRANSFER}, the holder of the account credited; otherwise null
   * @param sealedName version 2: the name as given, sealed with {@code customerId}'s key, for a
   *     transfer to a Flowlet customer; otherwise null
   */
  public record Counterparty(
      String name, String country, String accountId, String customerId, SealedValue sealedName) {

    /** A counterparty outside Flowlet. */
    public Counterparty(String name, String country) {
      this(name, country, null, null, null);
    }

    /** A counterparty with its name in clear, as version 1 carried it. */
    public Counterparty(String name, String country, String accountId, String customerId) {
      this(name, country, accountId, customerId, null);
    }
  }

  /**
   * The channel a movement came through.
   *
   * @param country the country it came from
   * @param deviceId version 1 only: the device id in clear; null in version 2
   * @param deviceRef version 2: the device's pseudonym, {@link SubjectDataCipher#pseudonym} under
   *     the account holder's key with purpose {@link #DEVICE_PSEUDONYM}; equal for the same device
   *     of the same holder, which is all the new-device rule needs
   * @param sealedDeviceId version 2: the device id sealed with the account holder's key
   */
  public record Channel(
      String country, String deviceId, String deviceRef, SealedValue sealedDeviceId) {

    /** A channel with the device id in clear, as version 1 carried it. */
    public Channel(String country, String deviceId) {
      this(country, deviceId, null, null);
    }

    /**
     * The device to compare for the holder: the pseudonym in version 2, the clear id in version 1.
     */
    public String deviceKey() {
      return deviceRef != null ? deviceRef : deviceId;
    }
  }
}
