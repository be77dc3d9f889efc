package dev.flowlet.local;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the local stack under supervision: when it dies without being asked to stop (an exit,
 * a SIGKILL), it is started again after a {@link Backoff} delay and the restart is logged with the
 * reason. A deliberate {@link #stop()} (Ctrl-C, {@code ./flowlet down}, a fault drill) is not a
 * death: the part stays stopped until {@link #start()}.
 *
 * <p>Stop always wins: every launch, the first and each restart, runs under this part's lock, and
 * {@link #stop()} takes that lock, so a stop that comes during a launch waits for it and then stops
 * what it launched; a stop during the backoff wakes the supervisor, which then launches nothing.
 * When {@code stop()} returns, no process of this part is alive and none will be started.
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

  /** Held for a whole stop, so that a second, concurrent stop returns only once it is done. */
  private final Object stopping = new Object();

  // Written under this part's lock; read without it by status() and kill().
  private volatile RunningPart current;
  private volatile State state = State.STOPPED;
  private volatile Instant startedAt;
  private volatile int restarts;
  private volatile String lastExit = "";

  /**
   * Which start() this is, guarded by this part's lock. A supervisor thread serves one and ends
   * when stop() moves it on, so a supervisor from before a stop never launches anything.
   */
  private long generation;

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
    if (state != State.STOPPED) {
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
    long serving = ++generation;
    Thread.ofPlatform().daemon().name("supervise-" + name).start(() -> supervise(serving));
  }

  /**
   * Stops the part on purpose: no restart until {@link #start()}. Waits for a launch in flight and
   * stops what it started.
   */
  void stop() {
    synchronized (stopping) {
      RunningPart part;
      synchronized (this) {
        generation++;
        state = State.STOPPED;
        part = current;
        current = null;
        notifyAll();
      }
      if (part != null) {
        part.close();
      }
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

  private void supervise(long serving) {
    try {
      RunningPart dead;
      while ((dead = awaitDeath(serving)) != null && restart(serving, dead)) {
        // Watch the restarted part.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The part once it died, now RESTARTING; null when stopped (or the JVM exits) first. */
  private synchronized RunningPart awaitDeath(long serving) throws InterruptedException {
    while (generation == serving && current.isAlive()) {
      wait(WATCH_EVERY.toMillis());
    }
    if (generation != serving || LaunchedApps.exiting()) {
      return null;
    }
    state = State.RESTARTING;
    lastExit = current.exitDescription() + " at " + Instant.now();
    return current;
  }

  /** Restarts a dead part; false when stopped first. */
  private boolean restart(long serving, RunningPart dead) throws InterruptedException {
    Duration uptime = Duration.between(startedAt, Instant.now());
    String exit = dead.exitDescription();
    try {
      dead.close();
    } catch (RuntimeException e) {
      log.debug("Cleaning up after {} failed: {}", name, e.toString());
    }
    while (true) {
      Duration delay = backoff.after(uptime);
      synchronized (this) {
        if (generation != serving) {
          return false;
        }
        restarts++;
      }
      log.warn(
          "{} died ({}) after {} s up; restart #{} in {} s",
          name,
          exit,
          uptime.toSeconds(),
          restarts,
          delay.toSeconds());
      RunningPart restarted = null;
      synchronized (this) {
        if (!waitOut(delay, serving)) {
          return false;
        }
        try {
          restarted = starter.get();
          current = restarted;
          startedAt = Instant.now();
          state = State.RUNNING;
        } catch (RuntimeException e) {
          exit = "restart failed: " + e.getMessage();
          uptime = Duration.ZERO;
        }
      }
      if (restarted != null) {
        log.info("{} restarted (pid {})", name, restarted.pid());
        return true;
      }
    }
  }

  /** Waits out the backoff, holding this part's lock; false when stop() came meanwhile. */
  private synchronized boolean waitOut(Duration delay, long serving) throws InterruptedException {
    long due = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos();
        generation == serving && left > 0;
        left = due - System.nanoTime()) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return generation == serving && !LaunchedApps.exiting();
  }
}
