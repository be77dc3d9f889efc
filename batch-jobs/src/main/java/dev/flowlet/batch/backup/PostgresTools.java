package dev.flowlet.batch.backup;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds and runs PostgreSQL's {@code pg_dump} and {@code pg_restore}: in the configured folder,
 * else on the PATH, else in {@code /usr/lib/postgresql/<version>/bin} (newest first). A tool that
 * is missing or older than the server (pg_dump refuses newer servers) is reported by name, with
 * what to install or set.
 */
final class PostgresTools {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
  private static final int STDERR_TAIL = 2000;

  private final @Nullable String configuredDir;

  PostgresTools(@Nullable String configuredDir) {
    this.configuredDir = configuredDir == null || configuredDir.isBlank() ? null : configuredDir;
  }

  /**
   * The tool's path, checked to be at least the server's major version.
   *
   * @throws BackupVerificationException naming what is missing
   */
  Path find(String tool, int serverMajor) {
    List<Path> candidates = new ArrayList<>();
    if (configuredDir != null) {
      candidates.add(Path.of(configuredDir, tool));
    } else {
      String pathVariable = System.getenv().getOrDefault("PATH", "");
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, tool));
        }
      }
      candidates.addAll(debianInstallations(tool));
    }
    String found = null;
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        int major = major(candidate);
        if (major >= serverMajor) {
          return candidate;
        }
        found = candidate + " is version " + major;
      }
    }
    String where =
        configuredDir != null
            ? "in FLOWLET_PG_BIN_DIR (" + configuredDir + ")"
            : "on the PATH or in /usr/lib/postgresql/*/bin";
    throw new BackupVerificationException(
        tool
            + " of PostgreSQL "
            + serverMajor
            + " or newer is needed "
            + where
            + (found == null ? ", and none was found" : ", but " + found)
            + ": install the PostgreSQL client tools or set FLOWLET_PG_BIN_DIR");
  }

  private static List<Path> debianInstallations(String tool) {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(dir -> dir.getFileName().toString().matches("\\d+"))
          .sorted(
              Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString()))
                  .reversed())
          .map(dir -> dir.resolve("bin").resolve(tool))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
  }

  private static int major(Path tool) {
    Result result = run(List.of(tool.toString(), "--version"), Map.of(), Duration.ofSeconds(30));
    Matcher matcher = VERSION.matcher(result.stderrTail() + result.stdout());
    return result.exitCode() == 0 && matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  /**
   * Runs a command with the given environment added, waiting at most {@code timeout}.
   *
   * @throws BackupVerificationException when it cannot start, times out or exits non-zero
   */
  static Result runChecked(
      List<String> command, Map<String, String> environment, Duration timeout) {
    return start(command, environment).awaitSuccess(timeout);
  }

  private static Result run(
      List<String> command, Map<String, String> environment, Duration timeout) {
    return start(command, environment).await(timeout);
  }

  /** Starts a command; its output goes to temporary files until {@link Running#await}. */
  static Running start(List<String> command, Map<String, String> environment) {
    String name = Path.of(command.get(0)).getFileName().toString();
    try {
      Path stdout = Files.createTempFile("flowlet-pg-", ".out");
      Path stderr = Files.createTempFile("flowlet-pg-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      builder.environment().putAll(environment);
      return new Running(name, builder.start(), stdout, stderr);
    } catch (IOException e) {
      throw new BackupVerificationException("Cannot run " + name + ": " + e.getMessage());
    }
  }

  /** A started tool. */
  record Running(String name, Process process, Path stdout, Path stderr) {

    /** Waits for it; its output files are deleted. */
    Result await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new BackupVerificationException(name + " did not finish within " + timeout);
        }
        return new Result(
            process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), tail(stderr));
      } catch (IOException e) {
        throw new BackupVerificationException("Cannot read the output of " + name);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new BackupVerificationException("Interrupted while running " + name);
      } finally {
        delete(stdout);
        delete(stderr);
      }
    }

    /** Waits for it and requires exit code 0. */
    Result awaitSuccess(Duration timeout) {
      Result result = await(timeout);
      if (result.exitCode() != 0) {
        throw new BackupVerificationException(
            name
                + " failed with exit code "
                + result.exitCode()
                + ": "
                + result.stderrTail().strip());
      }
      return result;
    }

    /** Stops it if it still runs (a failure elsewhere made its result useless). */
    void kill() {
      process.destroyForcibly();
      delete(stdout);
      delete(stderr);
    }
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.length() <= STDERR_TAIL ? text : text.substring(text.length() - STDERR_TAIL);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the temporary file " + file, e);
    }
  }

  /**
   * @param exitCode the process's exit code
   * @param stdout what it printed
   * @param stderrTail the end of what it printed on stderr
   */
  record Result(int exitCode, String stdout, String stderrTail) {}
}
