package dev.flowlet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What one fault run measured, printed and appended as a RELIABILITY.md table row to {@code
 * target/reliability/faults.md}.
 *
 * @param fault what was done
 * @param accepted transactions answered 201 during the run
 * @param failures requests that failed, by kind (allowed during the outage)
 * @param lost accepted but missing (verify's missing counts plus 201 ids without a decision)
 * @param duplicated verify's duplicated counts
 * @param toFirstSuccess fault end to the first 201 after it
 * @param toClean fault end to verify passing (backlog drained, everything decided and indexed)
 * @param command how to run it again
 */
record FaultOutcome(
    String fault,
    int accepted,
    Map<String, Long> failures,
    long lost,
    long duplicated,
    Duration toFirstSuccess,
    Duration toClean,
    String command) {

  String row() {
    return "| %s | %s | %d accepted, client errors %s | %d | %d | first 201 %.1f s, verify clean %.1f s after the fault ended | `%s` |"
        .formatted(
            Instant.now().toString().substring(0, 16).replace('T', ' '),
            fault,
            accepted,
            failures.isEmpty() ? "none" : failures.toString(),
            lost,
            duplicated,
            toFirstSuccess.toMillis() / 1000.0,
            toClean.toMillis() / 1000.0,
            command);
  }

  void record() {
    System.out.println("FAULT " + row());
    try {
      Path file = Path.of("target", "reliability", "faults.md");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          row() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
