package dev.flowlet.local;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the local stack under supervision: when it dies without being asked to stop (an exit,
 * a SIGKILL), it is started again after a {@link Backoff} delay and the restart is logged with the
 * reason. A deliberate {@link #stop()} (Ctrl-C, {@code ./flowlet down}, a fault drill) is not a
 * death: the part stays stopped until {@link #start()}.
 */
final class SupervisedPart {

  private static final Logger log = LoggerFactory.getLogger(SupervisedPart.class);
  private static final Duration WATCH_EVERY = Duration.ofMillis(250);

  /** What a part is doing. */
  enum State {
    STARTING,
    RUNNING,
    RESTARTING,
    STOPPED
  }

  private final String name;
  private final int port;
  private final Supplier<RunningPart> starter;
  private final Backoff backoff;
  private volatile RunningPart current;
  private volatile State state = State.STOPPED;
  private volatile Instant startedAt;
  private volatile int restarts;
  private volatile String lastExit = "";
  private Thread watcher;

  SupervisedPart(String name, int port, Supplier<RunningPart> starter) {
    this(name, port, starter, new Backoff());
  }

  SupervisedPart(String name, int port, Supplier<RunningPart> starter, Backoff backoff) {
    this.name = name;
    this.port = port;
    this.starter = starter;
    this.backoff = backoff;
  }

  String name() {
    return name;
  }

  /** Starts the part and waits until it is up; then watches it. */
  synchronized void start() {
    if (state == State.RUNNING || state == State.RESTARTING) {
      return;
    }
    state = State.STARTING;
    try {
      current = starter.get();
    } catch (RuntimeException e) {
      state = State.STOPPED;
      throw e;
    }
    startedAt = Instant.now();
    state = State.RUNNING;
    watcher = Thread.ofPlatform().daemon().name("supervise-" + name).start(this::watch);
  }

  /** Stops the part on purpose: no restart until {@link #start()}. */
  void stop() {
    RunningPart part;
    Thread watching;
    synchronized (this) {
      state = State.STOPPED;
      part = current;
      current = null;
      watching = watcher;
      watcher = null;
    }
    if (watching != null) {
      watching.interrupt();
    }
    if (part != null) {
      part.close();
    }
  }

  /** SIGKILL, as a crash would: the supervisor notices and restarts the part. */
  void kill() {
    RunningPart part = current;
    if (part == null) {
      throw new IllegalStateException(name + " is not running");
    }
    part.kill();
  }

  PartStatus status() {
    RunningPart part = current;
    State now = state;
    return new PartStatus(
        name,
        now,
        part == null || now == State.STOPPED ? 0 : part.pid(),
        port,
        restarts,
        now == State.RUNNING && startedAt != null
            ? Duration.between(startedAt, Instant.now())
            : Duration.ZERO,
        lastExit);
  }

  private void watch() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(WATCH_EVERY);
        RunningPart part = current;
        if (state != State.RUNNING || part == null || part.isAlive()) {
          continue;
        }
        restartAfterDeath(part);
      }
    } catch (InterruptedException e) {
      // Stopped on purpose.
    }
  }

  private void restartAfterDeath(RunningPart dead) throws InterruptedException {
    Duration uptime = Duration.between(startedAt, Instant.now());
    String exit = dead.exitDescription();
    synchronized (this) {
      if (state != State.RUNNING || current != dead) {
        return;
      }
      state = State.RESTARTING;
      lastExit = exit + " at " + Instant.now();
    }
    try {
      dead.close();
    } catch (RuntimeException e) {
      log.debug("Cleaning up after {} failed: {}", name, e.toString());
    }
    while (true) {
      Duration delay = backoff.after(uptime);
      restarts++;
      log.warn(
          "{} died ({}) after {} s up; restart #{} in {} s",
          name,
          exit,
          uptime.toSeconds(),
          restarts,
          delay.toSeconds());
      Thread.sleep(delay);
      if (state != State.RESTARTING) {
        return;
      }
      try {
        RunningPart restarted = starter.get();
        synchronized (this) {
          if (state != State.RESTARTING) {
            restarted.close();
            return;
          }
          current = restarted;
          startedAt = Instant.now();
          state = State.RUNNING;
        }
        log.info("{} restarted (pid {})", name, restarted.pid());
        return;
      } catch (RuntimeException e) {
        exit = "restart failed: " + e.getMessage();
        uptime = Duration.ZERO;
      }
    }
  }
}
