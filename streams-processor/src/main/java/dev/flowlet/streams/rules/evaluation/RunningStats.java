package dev.flowlet.streams.rules.evaluation;

import java.nio.ByteBuffer;

/**
 * Mean and standard deviation of a stream of amounts in constant space (Welford's online
 * algorithm), so an account's whole history counts without keeping it.
 */
public final class RunningStats {

  private long count;
  private double mean;
  private double squaredDeviations;

  public long count() {
    return count;
  }

  public double mean() {
    return mean;
  }

  /** The sample standard deviation; 0 with fewer than two values. */
  public double standardDeviation() {
    return count < 2 ? 0 : Math.sqrt(squaredDeviations / (count - 1));
  }

  public void add(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    squaredDeviations += delta * (value - mean);
  }

  static int encodedSize() {
    return Long.BYTES + 2 * Double.BYTES;
  }

  void encode(ByteBuffer buffer) {
    buffer.putLong(count).putDouble(mean).putDouble(squaredDeviations);
  }

  static RunningStats decode(ByteBuffer buffer) {
    RunningStats stats = new RunningStats();
    stats.count = buffer.getLong();
    stats.mean = buffer.getDouble();
    stats.squaredDeviations = buffer.getDouble();
    return stats;
  }
}
