package dev.flowlet.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pid file per app JVM of {@code ./flowlet up} ({@code FLOWLET_HOME/run/<app>.pid}), and the
 * sweep that {@code up} and {@code down} run to stop the apps a launcher killed with SIGKILL left
 * running: no shutdown hook runs for SIGKILL, and a child JVM does not die with its parent.
 * Elasticsearch and PostgreSQL need none: the node exits when its parent's stdin pipe closes, and
 * the postmaster's watchdog stops it when the launcher dies.
 *
 * <p>An app is stopped only when the launcher that wrote its file is gone and the pid is still the
 * very process recorded (same start time, same command line): a pid the system has since given to
 * another program is never signalled, and a running launcher's apps are never touched.
 */
final class AppPidFiles {

  private static final Logger log = LoggerFactory.getLogger(AppPidFiles.class);
  private static final String SUFFIX = ".pid";
  private static final long STOP_TIMEOUT_SECONDS = 30;

  private AppPidFiles() {}

  /** Records {@code app}, launched by this JVM; a file that cannot be written is only a warning. */
  static void write(Path folder, String name, ProcessHandle app) {
    ProcessHandle launcher = ProcessHandle.current();
    Properties entry = new Properties();
    entry.setProperty("pid", Long.toString(app.pid()));
    entry.setProperty("started", started(app));
    entry.setProperty("command", command(app));
    entry.setProperty("launcher", Long.toString(launcher.pid()));
    entry.setProperty("launcherStarted", started(launcher));
    try {
      Files.createDirectories(folder);
      Path partial = folder.resolve(name + SUFFIX + ".partial");
      try (Writer out = Files.newBufferedWriter(partial)) {
        entry.store(out, name + ", started by ./flowlet up");
      }
      Files.move(partial, folder.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn(
          "Cannot write the pid file of {} in {} ({}): if this launcher is killed with SIGKILL,"
              + " stop pid {} yourself",
          name,
          folder,
          e.toString(),
          app.pid());
    }
  }

  /** Removes {@code name}'s pid file if it still names {@code pid}. */
  static void delete(Path folder, String name, long pid) {
    Path file = folder.resolve(name + SUFFIX);
    Optional<Properties> entry = read(file);
    if (entry.isPresent() && entry.get().getProperty("pid", "").equals(Long.toString(pid))) {
      deleteQuietly(file);
    }
  }

  /**
   * Stops every app whose launcher is gone (SIGTERM, SIGKILL after 30 s) and removes the pid files
   * of apps that are gone.
   *
   * @return what was stopped, e.g. {@code flowlet-api (pid 4242)}
   */
  static List<String> stopOrphans(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(file -> file.toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pid files in " + folder, e);
    }
    List<ProcessHandle> orphans = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    for (Path file : files) {
      Optional<Properties> entry = read(file);
      if (entry.isPresent() && sameProcess(entry.get(), "launcher", false).isPresent()) {
        continue;
      }
      Optional<ProcessHandle> app = entry.flatMap(recorded -> sameProcess(recorded, "pid", true));
      if (app.isPresent()) {
        String name = file.getFileName().toString().replace(SUFFIX, "");
        log.warn(
            "Stopping {} (pid {}), left running by a launcher (pid {}) that was killed",
            name,
            app.get().pid(),
            entry.get().getProperty("launcher"));
        app.get().destroy();
        orphans.add(app.get());
        stopped.add(name + " (pid " + app.get().pid() + ")");
      }
      deleteQuietly(file);
    }
    orphans.forEach(AppPidFiles::awaitExit);
    return stopped;
  }

  private static void awaitExit(ProcessHandle app) {
    try {
      app.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      log.warn(
          "pid {} still running {} s after SIGTERM, killing it", app.pid(), STOP_TIMEOUT_SECONDS);
      app.destroyForcibly();
    } catch (InterruptedException e) {
      app.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot wait for pid " + app.pid(), e);
    }
  }

  /**
   * The live process the entry names under {@code key} (with {@code key + "Started"} or {@code
   * started}), if it is still that one: same start time and, when {@code sameCommand}, same command
   * line.
   */
  private static Optional<ProcessHandle> sameProcess(
      Properties entry, String key, boolean sameCommand) {
    String startedKey = key.equals("pid") ? "started" : key + "Started";
    String started = entry.getProperty(startedKey, "");
    String command = entry.getProperty("command", "");
    long pid;
    try {
      pid = Long.parseLong(entry.getProperty(key, ""));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(process -> !started.isEmpty() && started.equals(started(process)))
        .filter(process -> !sameCommand || !command.isEmpty() && command.equals(command(process)));
  }

  private static String started(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("");
  }

  private static String command(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }

  private static Optional<Properties> read(Path file) {
    Properties entry = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      entry.load(in);
      return Optional.of(entry);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Cannot delete {}: {}", file, e.toString());
    }
  }
}
