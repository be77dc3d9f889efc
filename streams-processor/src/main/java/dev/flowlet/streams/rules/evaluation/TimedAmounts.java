package dev.flowlet.streams.rules.evaluation;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Amounts at event times, kept sorted by time so that a window is two binary searches. Late events
 * are inserted where they belong; pruning drops the oldest.
 */
public final class TimedAmounts {

  private long[] times;
  private long[] amounts;
  private int size;

  public TimedAmounts() {
    this(4);
  }

  private TimedAmounts(int capacity) {
    times = new long[capacity];
    amounts = new long[capacity];
  }

  public int size() {
    return size;
  }

  public long time(int index) {
    return times[index];
  }

  public long amount(int index) {
    return amounts[index];
  }

  /** Adds an amount at {@code time}, after any existing entry at the same time. */
  public void add(long time, long amount) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      amounts = Arrays.copyOf(amounts, size * 2);
    }
    int at = firstAfter(time);
    if (at < size) {
      System.arraycopy(times, at, times, at + 1, size - at);
      System.arraycopy(amounts, at, amounts, at + 1, size - at);
    }
    times[at] = time;
    amounts[at] = amount;
    size++;
  }

  /** Drops entries before {@code cutoff}, and the oldest beyond {@code maxEntries}. */
  public void prune(long cutoff, int maxEntries) {
    int drop = Math.max(firstAtOrAfter(cutoff), size - maxEntries);
    if (drop > 0) {
      System.arraycopy(times, drop, times, 0, size - drop);
      System.arraycopy(amounts, drop, amounts, 0, size - drop);
      size -= drop;
    }
  }

  /** How many entries lie in {@code [from, to]}. */
  public int count(long from, long to) {
    return Math.max(0, firstAfter(to) - firstAtOrAfter(from));
  }

  /** The total of the entries in {@code [from, to]}. */
  public long sum(long from, long to) {
    long total = 0;
    for (int i = firstAtOrAfter(from), end = firstAfter(to); i < end; i++) {
      total += amounts[i];
    }
    return total;
  }

  /** How many entries in {@code [from, to]} have an amount in {@code [min, max]}. */
  public int countBetween(long from, long to, long min, long max) {
    int count = 0;
    for (int i = firstAtOrAfter(from), end = firstAfter(to); i < end; i++) {
      if (amounts[i] >= min && amounts[i] <= max) {
        count++;
      }
    }
    return count;
  }

  /** Index of the first entry at or after {@code time}. */
  public int firstAtOrAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] < time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Index of the first entry after {@code time}. */
  public int firstAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] <= time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  int encodedSize() {
    return Integer.BYTES + size * 2 * Long.BYTES;
  }

  void encode(ByteBuffer buffer) {
    buffer.putInt(size);
    for (int i = 0; i < size; i++) {
      buffer.putLong(times[i]).putLong(amounts[i]);
    }
  }

  static TimedAmounts decode(ByteBuffer buffer) {
    int size = buffer.getInt();
    TimedAmounts decoded = new TimedAmounts(Math.max(4, size + 1));
    for (int i = 0; i < size; i++) {
      decoded.times[i] = buffer.getLong();
      decoded.amounts[i] = buffer.getLong();
    }
    decoded.size = size;
    return decoded;
  }
}
