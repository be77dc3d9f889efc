package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervision of real child processes ({@code sleep}), killed the way a crash kills them. */
class SupervisedPartTest {

  private final AtomicInteger starts = new AtomicInteger();
  private final SupervisedPart part = new SupervisedPart("sleeper", 1, this::sleeper);

  @AfterEach
  void stop() {
    part.stop();
  }

  @Test
  void restartsAKilledPartAndCountsTheRestart() {
    part.start();
    long firstPid = part.status().pid();

    part.kill();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                part.status().state() == SupervisedPart.State.RUNNING
                    && part.status().pid() != firstPid);
    assertThat(part.status().restarts()).isEqualTo(1);
    assertThat(part.status().lastExit()).startsWith("exit code 137");
    assertThat(starts).hasValue(2);
  }

  @Test
  void leavesAStoppedPartStopped() {
    part.start();
    long pid = part.status().pid();

    part.stop();

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> starts.get() == 1);
    assertThat(part.status().state()).isEqualTo(SupervisedPart.State.STOPPED);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  private RunningPart sleeper() {
    starts.incrementAndGet();
    try {
      Process process = new ProcessBuilder("sleep", "600").start();
      return new RunningPart() {
        public long pid() {
          return process.pid();
        }

        public boolean isAlive() {
          return process.isAlive();
        }

        public String exitDescription() {
          return "exit code " + process.exitValue();
        }

        public void kill() {
          process.destroyForcibly();
          try {
            process.waitFor(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }

        public void close() {
          kill();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
