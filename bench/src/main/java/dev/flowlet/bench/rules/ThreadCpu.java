package dev.flowlet.bench.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process's threads, grouped by what they do (stream threads, producer I/O,
 * broker, ...), so a run shows where its CPU went, not only how much.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> start = new HashMap<>();
  private long gcMillis;
  private long jitMillis;

  private ThreadCpu() {}

  static ThreadCpu snapshot() {
    ThreadCpu cpu = new ThreadCpu();
    for (long id : THREADS.getAllThreadIds()) {
      cpu.start.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
    }
    cpu.gcMillis = gcMillis();
    cpu.jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    return cpu;
  }

  /** Seconds of CPU per group of threads since the snapshot. */
  Map<String, Double> since() {
    Map<String, Double> groups = new TreeMap<>();
    for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long used =
          THREADS.getThreadCpuTime(info.getThreadId()) - start.getOrDefault(info.getThreadId(), 0L);
      if (used > 0) {
        groups.merge(group(info.getThreadName()), used / 1e9, Double::sum);
      }
    }
    // Elapsed time in collections and compilation (not CPU time, and beside the Java threads).
    groups.put("GC pauses+concurrent (elapsed)", (gcMillis() - gcMillis) / 1e3);
    groups.put(
        "JIT (elapsed)",
        (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillis) / 1e3);
    return groups;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
        .sum();
  }

  private static String group(String name) {
    if (name.contains("producer-network-thread")) {
      return "producer I/O";
    }
    if (name.contains("GlobalStreamThread")) {
      return "global stream thread";
    }
    if (name.contains("StreamThread")) {
      return "stream threads";
    }
    if (name.startsWith("data-plane-kafka-request-handler")) {
      return "broker request handlers";
    }
    if (name.startsWith("data-plane-kafka-network-thread")) {
      return "broker network";
    }
    if (name.equals("main")) {
      return "output counter (main)";
    }
    if (name.contains("kafka")
        || name.contains("Txn")
        || name.contains("coordinator")
        || name.contains("raft")
        || name.contains("controller")
        || name.contains("log-")) {
      return "broker other";
    }
    return "other";
  }
}
