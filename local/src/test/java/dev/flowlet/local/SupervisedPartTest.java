package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Supervision of real child processes ({@code sleep}), killed the way a crash kills them. */
class SupervisedPartTest {

  private final SleepProcesses sleepers = new SleepProcesses();
  private final AtomicInteger starts = new AtomicInteger();
  private SupervisedPart part =
      new SupervisedPart(
          "sleeper",
          1,
          () -> {
            starts.incrementAndGet();
            return sleepers.start();
          });

  @AfterEach
  void stop() {
    part.stop();
    sleepers.close();
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

  /**
   * The leak a CI run found: the part died, its supervisor is launching the replacement (the child
   * is forked, the launch has not returned yet) when {@code stop()} comes. Latches force that
   * interleaving every time; stop() must not return while the new child lives.
   */
  @RepeatedTest(25)
  void stopDuringARestartLaunchLeavesNoProcessAlive() throws Exception {
    CountDownLatch restartForked = new CountDownLatch(1);
    CountDownLatch finishRestart = new CountDownLatch(1);
    AtomicInteger launches = new AtomicInteger();
    part =
        supervised(
            () -> {
              Process process = sleepers.fork();
              if (launches.incrementAndGet() == 2) {
                restartForked.countDown();
                // A launch is not interruptible once the child is forked (ProcessBuilder.start).
                awaitUninterruptibly(finishRestart);
              }
              return SleepProcesses.part(process);
            },
            Duration.ZERO);
    part.start();
    part.kill();
    assertThat(restartForked.await(10, TimeUnit.SECONDS)).as("restart began").isTrue();

    AtomicReference<List<Long>> aliveWhenStopReturned = new AtomicReference<>();
    Thread stopper =
        Thread.ofPlatform()
            .start(
                () -> {
                  part.stop();
                  aliveWhenStopReturned.set(sleepers.alive());
                });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stopper.getState() == Thread.State.BLOCKED
                    || stopper.getState() == Thread.State.TERMINATED);
    finishRestart.countDown();
    stopper.join(Duration.ofSeconds(30));

    assertThat(aliveWhenStopReturned.get())
        .as("children alive when stop() returned (launched %d)", sleepers.forkedCount())
        .isEmpty();
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(3))
        .until(() -> sleepers.alive().isEmpty() && launches.get() == 2);
    assertThat(part.status().state()).isEqualTo(SupervisedPart.State.STOPPED);
  }

  @Test
  void stopDuringTheBackoffCancelsTheRestart() {
    part = supervised(sleepers::start, Duration.ofMinutes(10));
    part.start();
    part.kill();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> part.status().state() == SupervisedPart.State.RESTARTING);

    long stopping = System.nanoTime();
    part.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
    assertThat(part.status().state()).isEqualTo(SupervisedPart.State.STOPPED);
    assertThat(sleepers.forkedCount()).isEqualTo(1);
    assertThat(sleepers.alive()).isEmpty();
  }

  private static SupervisedPart supervised(Supplier<RunningPart> starter, Duration firstDelay) {
    return new SupervisedPart("sleeper", 1, starter, new Backoff(firstDelay));
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
