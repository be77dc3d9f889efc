package dev.flowlet.bench.reconciliation;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples batch-jobs' used heap (the sum of {@code jvm_memory_used_bytes{area="heap"}}) from its
 * {@code /metrics} every 200 ms while a job runs, and keeps the highest sample.
 */
final class HeapSampler implements AutoCloseable {

  private final JobsApi jobs;
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  HeapSampler(JobsApi jobs) {
    this.jobs = jobs;
    this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
  }

  private void sample() {
    while (running) {
      try {
        long used =
            jobs.metrics()
                .lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{"))
                .filter(line -> line.contains("area=\"heap\""))
                .mapToLong(
                    line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        peak.accumulateAndGet(used, Math::max);
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        throw new IllegalStateException("Cannot sample batch-jobs' heap", e);
      }
    }
  }

  long peakBytes() {
    return peak.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
  }
}
