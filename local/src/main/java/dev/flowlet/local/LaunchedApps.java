package dev.flowlet.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every app JVM this JVM launched that is still running, so that none outlives it. When this JVM
 * exits (Ctrl-C or SIGTERM of {@code ./flowlet up}, {@code ./flowlet down}, the end of a test JVM,
 * a test JVM sent SIGTERM), a shutdown hook stops them all, whoever forgot to; a launch that ends
 * after the hook began is killed at once; and no supervisor restarts anything any more. In the
 * launcher each app also gets an {@link AppPidFiles pid file}, for the one death no hook sees:
 * SIGKILL of the launcher.
 */
final class LaunchedApps {

  private static final Logger log = LoggerFactory.getLogger(LaunchedApps.class);

  /**
   * How long the hook lets the apps shut down before SIGKILL: under the 30 s after which a
   * Surefire/Failsafe test JVM halts, hooks unfinished. An app restarted moments ago can need
   * longer (its Kafka consumers wait for the killed instance's group session to expire) and is
   * killed.
   */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  // All guarded by LaunchedApps.class.
  private static final Map<Process, String> running = new LinkedHashMap<>();
  private static Path pidFolder;
  private static boolean exiting;

  static {
    try {
      Runtime.getRuntime()
          .addShutdownHook(
              Thread.ofPlatform().name("flowlet-stop-apps").unstarted(LaunchedApps::stopAll));
    } catch (IllegalStateException e) {
      // First used while the JVM is already exiting: too late to launch anything.
      exiting = true;
    }
  }

  private LaunchedApps() {}

  /** Where {@code ./flowlet up} keeps a pid file per app ({@code FLOWLET_HOME/run}). */
  static synchronized void writePidFilesTo(Path folder) {
    pidFolder = folder;
  }

  /** Whether this JVM is exiting: nothing may be started or restarted any more. */
  static synchronized boolean exiting() {
    return exiting;
  }

  /**
   * Records an app JVM just launched, until it exits.
   *
   * @throws StackStartException after killing it, when this JVM is exiting
   */
  static void add(String name, Process process) {
    boolean recorded;
    synchronized (LaunchedApps.class) {
      recorded = !exiting;
      if (recorded) {
        running.put(process, name);
        if (pidFolder != null) {
          AppPidFiles.write(pidFolder, name, process.toHandle());
        }
      }
    }
    if (!recorded) {
      process.destroyForcibly();
      throw new StackStartException("not starting " + name + ": this JVM is shutting down");
    }
    process.onExit().thenRun(() -> remove(process));
  }

  private static synchronized void remove(Process process) {
    String name = running.remove(process);
    if (name != null && pidFolder != null) {
      AppPidFiles.delete(pidFolder, name, process.pid());
    }
  }

  /** The shutdown hook: SIGTERM to every app still running, SIGKILL to any still up after 20 s. */
  private static void stopAll() {
    Map<Process, String> stopping;
    synchronized (LaunchedApps.class) {
      exiting = true;
      stopping = new LinkedHashMap<>(running);
    }
    if (stopping.isEmpty()) {
      return;
    }
    log.info("Stopping {} as this JVM exits", describe(stopping));
    stopping.keySet().forEach(Process::destroy);
    long due = System.nanoTime() + STOP_TIMEOUT.toNanos();
    stopping.forEach(
        (process, name) -> {
          try {
            if (!process.waitFor(Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS)) {
              log.warn(
                  "{} (pid {}) still running {} s after SIGTERM, killing it",
                  name,
                  process.pid(),
                  STOP_TIMEOUT.toSeconds());
              process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
          }
          remove(process);
        });
  }

  private static String describe(Map<Process, String> apps) {
    StringBuilder text = new StringBuilder();
    apps.forEach(
        (process, name) ->
            text.append(text.isEmpty() ? "" : ", ")
                .append(name)
                .append(" (pid ")
                .append(process.pid())
                .append(')'));
    return text.toString();
  }
}
