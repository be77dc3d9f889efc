package dev.flowlet.streams.rules.evaluation;

import java.nio.ByteBuffer;

/**
 * What the rules remember about one account: recent outgoing and incoming movements, running
 * statistics of its own amounts in each direction, the devices it was used from, its last own
 * activity, and its open alert windows. Times are event times in epoch milliseconds; {@link #NONE}
 * means never.
 */
public final class AccountHistory {

  /** No such time: the account never had that. */
  public static final long NONE = Long.MIN_VALUE;

  private static final byte FORMAT = 1;

  private final TimedAmounts outgoing;
  private final TimedAmounts incoming;
  private final RunningStats outgoingAmounts;
  private final RunningStats incomingAmounts;
  private final KnownDevices devices;
  private final AlertWindows alerts;
  private long lastActivity;
  private long latestEvent;

  public AccountHistory() {
    this(
        new TimedAmounts(),
        new TimedAmounts(),
        new RunningStats(),
        new RunningStats(),
        new KnownDevices(),
        new AlertWindows(),
        NONE,
        NONE);
  }

  private AccountHistory(
      TimedAmounts outgoing,
      TimedAmounts incoming,
      RunningStats outgoingAmounts,
      RunningStats incomingAmounts,
      KnownDevices devices,
      AlertWindows alerts,
      long lastActivity,
      long latestEvent) {
    this.outgoing = outgoing;
    this.incoming = incoming;
    this.outgoingAmounts = outgoingAmounts;
    this.incomingAmounts = incomingAmounts;
    this.devices = devices;
    this.alerts = alerts;
    this.lastActivity = lastActivity;
    this.latestEvent = latestEvent;
  }

  /** Outgoing movements (withdrawals, card payments, transfer debits) in reporting cents. */
  public TimedAmounts outgoing() {
    return outgoing;
  }

  /** Incoming movements (deposits, refunds, transfer credits) in reporting cents. */
  public TimedAmounts incoming() {
    return incoming;
  }

  /**
   * Statistics of the amounts of the account's own movements in one direction, in reporting cents:
   * salaries and card payments are judged each against their own kind.
   */
  public RunningStats amounts(boolean outgoing) {
    return outgoing ? outgoingAmounts : incomingAmounts;
  }

  public KnownDevices devices() {
    return devices;
  }

  public AlertWindows alerts() {
    return alerts;
  }

  /** When the account's holder last moved money on it (credits from others do not count). */
  public long lastActivity() {
    return lastActivity;
  }

  /** The latest event time seen on the account, the clock its state is pruned by. */
  public long latestEvent() {
    return latestEvent;
  }

  public void recordActivity(long at) {
    lastActivity = lastActivity == NONE ? at : Math.max(lastActivity, at);
  }

  public void observe(long at) {
    latestEvent = latestEvent == NONE ? at : Math.max(latestEvent, at);
  }

  /** This history as bytes, for a state store. */
  public byte[] toBytes() {
    ByteBuffer buffer =
        ByteBuffer.allocate(
            1
                + outgoing.encodedSize()
                + incoming.encodedSize()
                + 2 * RunningStats.encodedSize()
                + devices.encodedSize()
                + alerts.encodedSize()
                + 2 * Long.BYTES);
    buffer.put(FORMAT);
    outgoing.encode(buffer);
    incoming.encode(buffer);
    outgoingAmounts.encode(buffer);
    incomingAmounts.encode(buffer);
    devices.encode(buffer);
    alerts.encode(buffer);
    buffer.putLong(lastActivity).putLong(latestEvent);
    return buffer.array();
  }

  /** Reads what {@link #toBytes()} wrote. */
  public static AccountHistory fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte format = buffer.get();
    if (format != FORMAT) {
      throw new IllegalArgumentException("Unknown account history format " + format);
    }
    return new AccountHistory(
        TimedAmounts.decode(buffer),
        TimedAmounts.decode(buffer),
        RunningStats.decode(buffer),
        RunningStats.decode(buffer),
        KnownDevices.decode(buffer),
        AlertWindows.decode(buffer),
        buffer.getLong(),
        buffer.getLong());
  }
}
