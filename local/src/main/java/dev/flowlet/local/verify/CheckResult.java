package dev.flowlet.local.verify;

/**
 * The counts of one check.
 *
 * @param name the check's name
 * @param status whether it passed, found a loss or a duplicate, or could not run here yet
 * @param checked how many items it looked at
 * @param missing items that should be there and are not (a loss)
 * @param duplicated items that are there more than once
 * @param orphaned items that belong to nothing (a decision without its transaction)
 * @param note a short remark printed after the counts (how long it waited, why not available)
 */
public record CheckResult(
    String name,
    Status status,
    long checked,
    long missing,
    long duplicated,
    long orphaned,
    String note) {

  /** The outcome of one check. */
  public enum Status {
    PASSED,
    FAILED,
    NOT_AVAILABLE
  }

  static CheckResult counted(
      String name, long checked, long missing, long duplicated, long orphaned, String note) {
    Status status = missing + duplicated + orphaned == 0 ? Status.PASSED : Status.FAILED;
    return new CheckResult(name, status, checked, missing, duplicated, orphaned, note);
  }

  /** The same counts, with how long the check took added to the note. */
  CheckResult took(long millis) {
    if (status == Status.NOT_AVAILABLE) {
      return this;
    }
    String time = millis + " ms";
    return new CheckResult(
        name,
        status,
        checked,
        missing,
        duplicated,
        orphaned,
        note.isEmpty() ? time : note + "; " + time);
  }

  static CheckResult notAvailable(String name, String why) {
    return new CheckResult(name, Status.NOT_AVAILABLE, 0, 0, 0, 0, why);
  }

  /**
   * One line of the report, e.g. {@code decisions in PostgreSQL: checked 100000, missing 0, ...}.
   */
  String line() {
    if (status == Status.NOT_AVAILABLE) {
      return name + ": not yet available" + (note.isEmpty() ? "" : " (" + note + ")");
    }
    return "%s: %s checked %d, missing %d, duplicated %d, orphaned %d%s"
        .formatted(
            name,
            status == Status.PASSED ? "ok," : "FAILED,",
            checked,
            missing,
            duplicated,
            orphaned,
            note.isEmpty() ? "" : " (" + note + ")");
  }
}
