package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep {@code ./flowlet up} and {@code down} run for the apps of a launcher killed with
 * SIGKILL, against real processes.
 */
class AppPidFilesTest {

  @TempDir Path run;
  private final SleepProcesses sleepers = new SleepProcesses();
  private StandInLauncher launcher;

  @AfterEach
  void killLeftovers() {
    if (launcher != null) {
      launcher.destroyForcibly();
    }
    sleepers.close();
  }

  @Test
  void stopsTheAppsALauncherKilledWithSigkillLeftRunning() throws Exception {
    launcher = StandInLauncher.start(run);
    launcher.jvm().destroyForcibly();
    assertThat(launcher.jvm().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.app().isAlive())
        .as("no hook runs on SIGKILL: the app is orphaned")
        .isTrue();

    assertThat(AppPidFiles.stopOrphans(run))
        .containsExactly("sleeper (pid " + launcher.app().pid() + ")");

    await().atMost(Duration.ofSeconds(10)).until(() -> !launcher.app().isAlive());
    assertThat(run).isEmptyDirectory();
  }

  @Test
  void leavesTheAppsOfARunningLauncherAlone() {
    launcher = StandInLauncher.start(run);

    assertThat(AppPidFiles.stopOrphans(run)).isEmpty();

    assertThat(launcher.app().isAlive()).isTrue();
    assertThat(run.resolve("sleeper.pid")).exists();
  }

  @Test
  void neverSignalsARecordedPidThatNowRunsAnotherProgram() throws Exception {
    Process other = sleepers.fork();
    AppPidFiles.write(run, "flowlet-api", other.toHandle());
    Path file = run.resolve("flowlet-api.pid");
    Properties entry = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      entry.load(in);
    }
    // The launcher is gone, and the pid was recorded for an app, not for this sleep.
    entry.setProperty("launcherStarted", "1970-01-01T00:00:00Z");
    entry.setProperty("command", "/usr/bin/java -jar api/target/flowlet-api-exec.jar");
    try (Writer out = Files.newBufferedWriter(file)) {
      entry.store(out, null);
    }

    assertThat(AppPidFiles.stopOrphans(run)).isEmpty();

    assertThat(other.isAlive()).isTrue();
    assertThat(file).doesNotExist();
  }

  @Test
  void aStoppedAppForgetsItsPidFile() {
    Process app = sleepers.fork();
    AppPidFiles.write(run, "flowlet-api", app.toHandle());

    AppPidFiles.delete(run, "flowlet-api", app.pid() + 1);
    assertThat(run.resolve("flowlet-api.pid")).exists();
    AppPidFiles.delete(run, "flowlet-api", app.pid());

    assertThat(run).isEmptyDirectory();
  }
}
