package dev.flowlet.streams.rules.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The open alert window of each rule for one account or customer: a hit within a window that is
 * already open raises no second alert. A window opens at the event time of the hit that raised it.
 */
public final class AlertWindows {

  /** Returned by {@link #open} when the hit falls into a window that is already open. */
  public static final long ALREADY_OPEN = Long.MIN_VALUE;

  private String[] rules = new String[0];
  private long[] starts = new long[0];

  /**
   * Opens a window for {@code rule} at {@code at}, unless one opened less than {@code window} away
   * from {@code at}.
   *
   * @return the start of the newly opened window, or {@link #ALREADY_OPEN}
   */
  public long open(String rule, long at, long window) {
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].equals(rule)) {
        if (Math.abs(at - starts[i]) < window) {
          return ALREADY_OPEN;
        }
        starts[i] = at;
        return at;
      }
    }
    rules = Arrays.copyOf(rules, rules.length + 1);
    starts = Arrays.copyOf(starts, starts.length + 1);
    rules[rules.length - 1] = rule;
    starts[starts.length - 1] = at;
    return at;
  }

  /** Forgets windows that opened before {@code cutoff}. */
  public void prune(long cutoff) {
    int kept = 0;
    for (int i = 0; i < rules.length; i++) {
      if (starts[i] >= cutoff) {
        rules[kept] = rules[i];
        starts[kept] = starts[i];
        kept++;
      }
    }
    if (kept < rules.length) {
      rules = Arrays.copyOf(rules, kept);
      starts = Arrays.copyOf(starts, kept);
    }
  }

  public int size() {
    return rules.length;
  }

  int encodedSize() {
    int size = Integer.BYTES;
    for (String rule : rules) {
      size += Short.BYTES + rule.length() + Long.BYTES;
    }
    return size;
  }

  void encode(ByteBuffer buffer) {
    buffer.putInt(rules.length);
    for (int i = 0; i < rules.length; i++) {
      byte[] name = rules[i].getBytes(StandardCharsets.US_ASCII);
      buffer.putShort((short) name.length).put(name).putLong(starts[i]);
    }
  }

  static AlertWindows decode(ByteBuffer buffer) {
    AlertWindows windows = new AlertWindows();
    int size = buffer.getInt();
    windows.rules = new String[size];
    windows.starts = new long[size];
    for (int i = 0; i < size; i++) {
      byte[] name = new byte[buffer.getShort()];
      buffer.get(name);
      windows.rules[i] = new String(name, StandardCharsets.US_ASCII);
      windows.starts[i] = buffer.getLong();
    }
    return windows;
  }
}
