package dev.flowlet.streams.rules.evaluation;

import java.time.Duration;

/** Durations the way analysts write them: {@code 10 min}, {@code 24 h}, {@code 180 days}. */
public final class ReadableDuration {

  private ReadableDuration() {}

  public static String of(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 172_800 && seconds % 86_400 == 0) {
      return seconds / 86_400 + " days";
    }
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(" h");
    }
    if (minutes > 0) {
      text.append(text.isEmpty() ? "" : " ").append(minutes).append(" min");
    }
    if (rest > 0 || text.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(rest).append(" s");
    }
    return text.toString();
  }

  /** An elapsed time in milliseconds, rounded to what matters at its size. */
  public static String ofMillis(long millis) {
    if (millis >= 172_800_000L) {
      return millis / 86_400_000L + " days";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    return of(Duration.ofSeconds(millis / 1000));
  }
}
