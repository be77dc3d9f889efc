package dev.flowlet.local;

import java.time.Duration;

/**
 * One line of {@code ./flowlet status}.
 *
 * @param name e.g. {@code kafka}, {@code api}
 * @param state running, restarting, stopped
 * @param pid its process (the launcher's own for in-process Kafka), 0 when not running
 * @param port where it listens
 * @param restarts how often the supervisor restarted it since {@code ./flowlet up}
 * @param uptime since its last start
 * @param lastExit how it last died, empty when it never did
 */
record PartStatus(
    String name,
    SupervisedPart.State state,
    long pid,
    int port,
    int restarts,
    Duration uptime,
    String lastExit) {

  static final String HEADER =
      String.format(
          "%-18s %-10s %8s %6s %8s %10s  %s",
          "PART", "STATE", "PID", "PORT", "RESTARTS", "UPTIME", "LAST EXIT");

  String line() {
    return String.format(
        "%-18s %-10s %8s %6d %8d %10s  %s",
        name,
        state.name().toLowerCase(java.util.Locale.ROOT),
        pid == 0 ? "-" : Long.toString(pid),
        port,
        restarts,
        state == SupervisedPart.State.RUNNING ? readable(uptime) : "-",
        lastExit);
  }

  private static String readable(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 3600
        ? "%dm%02ds".formatted(seconds / 60, seconds % 60)
        : "%dh%02dm".formatted(seconds / 3600, seconds % 3600 / 60);
  }
}
