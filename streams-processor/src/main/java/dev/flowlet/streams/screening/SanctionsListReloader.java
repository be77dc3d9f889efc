package dev.flowlet.streams.screening;

import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the sanctions list file at a fixed interval and puts a changed list in force while the
 * app runs. A list that cannot be read is reported and the previous one stays in force.
 */
final class SanctionsListReloader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SanctionsListReloader.class);

  private final SanctionsListFile file;
  private final ScheduledExecutorService scheduler;

  private SanctionsListReloader(SanctionsListFile file, Duration interval) {
    this.file = file;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().daemon().name("sanctions-list-reload").unstarted(runnable));
    scheduler.scheduleWithFixedDelay(
        this::reloadIfChanged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts watching {@code file}, when it is a file; the shipped sample never changes. */
  static SanctionsListReloader start(SanctionsListFile file, Duration interval) {
    return new SanctionsListReloader(file, interval);
  }

  void reloadIfChanged() {
    if (file.path() == null) {
      return;
    }
    try {
      if (file.reloadIfChanged()) {
        log.info(
            "Sanctions list reloaded: {} entries from {}",
            file.current().size(),
            file.current().source());
      }
    } catch (IOException | RuntimeException e) {
      log.error(
          "Sanctions list {} could not be read again; the previous list ({} entries) stays in"
              + " force: {}",
          file.path(),
          file.current().size(),
          e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
