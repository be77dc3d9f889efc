package dev.flowlet.streams.rules.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What the rules remember about one customer across their accounts: recent deposits, the country of
 * their latest movement, and their open alert windows. Times are event times in epoch milliseconds.
 */
public final class CustomerHistory {

  private static final byte FORMAT = 1;

  private final TimedAmounts deposits;
  private final AlertWindows alerts;
  private String lastCountry;
  private long lastCountryAt;
  private long latestEvent;

  public CustomerHistory() {
    this(new TimedAmounts(), new AlertWindows(), null, AccountHistory.NONE, AccountHistory.NONE);
  }

  private CustomerHistory(
      TimedAmounts deposits,
      AlertWindows alerts,
      String lastCountry,
      long lastCountryAt,
      long latestEvent) {
    this.deposits = deposits;
    this.alerts = alerts;
    this.lastCountry = lastCountry;
    this.lastCountryAt = lastCountryAt;
    this.latestEvent = latestEvent;
  }

  /** Deposits in reporting cents. */
  public TimedAmounts deposits() {
    return deposits;
  }

  public AlertWindows alerts() {
    return alerts;
  }

  /** The channel country of the customer's latest movement (by event time), or null. */
  public String lastCountry() {
    return lastCountry;
  }

  /** When that movement happened, or {@link AccountHistory#NONE}. */
  public long lastCountryAt() {
    return lastCountryAt;
  }

  public long latestEvent() {
    return latestEvent;
  }

  /** Remembers {@code country} when {@code at} is the latest movement seen so far. */
  public void recordCountry(String country, long at) {
    if (lastCountry == null || at >= lastCountryAt) {
      lastCountry = country;
      lastCountryAt = at;
    }
  }

  public void observe(long at) {
    latestEvent = latestEvent == AccountHistory.NONE ? at : Math.max(latestEvent, at);
  }

  public byte[] toBytes() {
    byte[] country =
        lastCountry == null ? new byte[0] : lastCountry.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer =
        ByteBuffer.allocate(
            1
                + deposits.encodedSize()
                + alerts.encodedSize()
                + Short.BYTES
                + country.length
                + 2 * Long.BYTES);
    buffer.put(FORMAT);
    deposits.encode(buffer);
    alerts.encode(buffer);
    buffer.putShort((short) (lastCountry == null ? -1 : country.length)).put(country);
    buffer.putLong(lastCountryAt).putLong(latestEvent);
    return buffer.array();
  }

  public static CustomerHistory fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte format = buffer.get();
    if (format != FORMAT) {
      throw new IllegalArgumentException("Unknown customer history format " + format);
    }
    TimedAmounts deposits = TimedAmounts.decode(buffer);
    AlertWindows alerts = AlertWindows.decode(buffer);
    short length = buffer.getShort();
    String country = null;
    if (length >= 0) {
      byte[] bytesOfCountry = new byte[length];
      buffer.get(bytesOfCountry);
      country = new String(bytesOfCountry, StandardCharsets.UTF_8);
    }
    return new CustomerHistory(deposits, alerts, country, buffer.getLong(), buffer.getLong());
  }
}
