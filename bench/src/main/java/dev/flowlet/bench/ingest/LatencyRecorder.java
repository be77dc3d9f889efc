package dev.flowlet.bench.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies in microseconds and outcome counts of one run, safe to record from many threads. */
final class LatencyRecorder {

  private final Recorder recorder = new Recorder(3);
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  void accepted(long latencyNanos) {
    recorder.recordValue(Math.max(1, latencyNanos / 1_000));
    accepted.incrementAndGet();
  }

  void rejected() {
    rejected.incrementAndGet();
  }

  void failed() {
    failed.incrementAndGet();
  }

  Result result(double seconds) {
    Histogram histogram = recorder.getIntervalHistogram();
    return new Result(
        accepted.get(),
        rejected.get(),
        failed.get(),
        seconds,
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getValueAtPercentile(99.9) / 1000.0,
        histogram.getMaxValue() / 1000.0);
  }

  /**
   * @param accepted answers 201
   * @param rejected answers 4xx (e.g. 429 when rate limits are on)
   * @param failed 5xx answers and I/O errors
   * @param seconds how long the run lasted
   * @param p50Millis median latency of accepted requests, in milliseconds
   */
  record Result(
      long accepted,
      long rejected,
      long failed,
      double seconds,
      double p50Millis,
      double p99Millis,
      double p999Millis,
      double maxMillis) {

    double acceptedPerSecond() {
      return accepted / seconds;
    }
  }
}
