package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shutdown hook that stops every app a JVM launched, in a real JVM sent a real SIGTERM. */
class LaunchedAppsTest {

  private StandInLauncher launcher;

  @AfterEach
  void killLeftovers() {
    if (launcher != null) {
      launcher.destroyForcibly();
    }
  }

  @Test
  void stopsEveryAppALauncherStartedWhenTheLauncherGetsSigterm() throws Exception {
    launcher = StandInLauncher.start(null);
    assertThat(launcher.app().isAlive()).isTrue();

    launcher.jvm().destroy();

    assertThat(launcher.jvm().waitFor(30, TimeUnit.SECONDS)).as("launcher exited").isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> !launcher.app().isAlive());
  }

  @Test
  void killsAnAppWhoseLaunchEndsWhileTheLauncherExits() throws Exception {
    launcher = StandInLauncher.launchingOnExit();

    // SIGTERM through the handle: Process.destroy() would also close the output we read.
    launcher.jvm().toHandle().destroy();

    ProcessHandle late = launcher.lateApp();
    try {
      assertThat(launcher.jvm().waitFor(30, TimeUnit.SECONDS)).as("launcher exited").isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> late == null || !late.isAlive());
      await().atMost(Duration.ofSeconds(10)).until(() -> !launcher.app().isAlive());
    } finally {
      if (late != null) {
        late.destroyForcibly();
      }
    }
  }
}
