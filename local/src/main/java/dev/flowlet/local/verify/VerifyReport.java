package dev.flowlet.local.verify;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@code ./flowlet verify}: a line per check, how long it waited for the pipeline to
 * settle, and the exit code (0 no loss and no duplicate, 1 otherwise).
 *
 * @param cutoff what was created before this was checked
 * @param results one per check
 * @param waited how long earlier rounds waited for a loss to heal before this round
 * @param took how long the final round of checks took
 */
public record VerifyReport(
    java.time.Instant cutoff, List<CheckResult> results, Duration waited, Duration took) {

  public boolean passed() {
    return results.stream().noneMatch(result -> result.status() == CheckResult.Status.FAILED);
  }

  public int exitCode() {
    return passed() ? 0 : 1;
  }

  /** The counts of the check named {@code name}. */
  public CheckResult result(String name) {
    return results.stream()
        .filter(result -> result.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check named " + name));
  }

  public String render() {
    StringBuilder text = new StringBuilder();
    results.forEach(result -> text.append("  ").append(result.line()).append('\n'));
    long passed =
        results.stream().filter(result -> result.status() == CheckResult.Status.PASSED).count();
    long unavailable =
        results.stream()
            .filter(result -> result.status() == CheckResult.Status.NOT_AVAILABLE)
            .count();
    text.append(passed() ? "verify: no loss, no duplicate" : "verify: FAILED")
        .append(" (")
        .append(passed)
        .append(" of ")
        .append(results.size())
        .append(" checks passed")
        .append(unavailable > 0 ? ", " + unavailable + " not available" : "")
        .append("; what was created before ")
        .append(cutoff)
        .append("; waited ")
        .append(waited.toMillis())
        .append(" ms for the pipeline to settle, checks took ")
        .append(took.toMillis())
        .append(" ms)");
    return text.toString();
  }
}
