package dev.flowlet.ops.debian;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A command-line tool from a Debian package that a test runs (promtool, nginx, docker-compose...).
 * When the tool is missing the test fails and says which package to install: a check that did not
 * run must never look like a check that passed.
 *
 * @param command the executable's name
 * @param debianPackage the Debian package that ships it
 */
public record DebianTool(String command, String debianPackage) {

  public static final DebianTool PROMTOOL = new DebianTool("promtool", "prometheus");
  public static final DebianTool NGINX = new DebianTool("nginx", "nginx");
  public static final DebianTool DOCKER_COMPOSE =
      new DebianTool("docker-compose", "docker-compose");
  public static final DebianTool OPENSSL = new DebianTool("openssl", "openssl");
  public static final DebianTool CURL = new DebianTool("curl", "curl");
  public static final DebianTool BASH = new DebianTool("bash", "bash");
  public static final DebianTool SYSTEMD_ANALYZE = new DebianTool("systemd-analyze", "systemd");

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** The executable, from {@code PATH} or the sbin folders; fails the test when it is missing. */
  public Path executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(
            Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank()),
            Stream.of("/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/bin", "/bin"))
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseGet(
            () ->
                fail(
                    command
                        + " is not installed: install Debian's `"
                        + debianPackage
                        + "` package (apt-get install -y "
                        + debianPackage
                        + "); .ci/run does this on CI"));
  }

  /** Runs the tool to completion and returns its exit code and combined output. */
  public Run run(Path workingDirectory, String... arguments) {
    return run(workingDirectory, Map.of(), arguments);
  }

  /** Runs the tool with extra environment variables. */
  public Run run(Path workingDirectory, Map<String, String> environment, String... arguments) {
    List<String> commandLine = new ArrayList<>();
    commandLine.add(executable().toString());
    commandLine.addAll(List.of(arguments));
    Path output = null;
    try {
      output = Files.createTempFile("flowlet-" + command, ".out");
      ProcessBuilder builder =
          new ProcessBuilder(commandLine)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", commandLine) + " did not finish within " + TIMEOUT);
      }
      return new Run(
          commandLine, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", commandLine), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(output);
    }
  }

  /**
   * Starts the tool as a long-running process whose output goes to {@code log}; the caller stops
   * it.
   */
  public Process start(Path workingDirectory, Path log, String... arguments) throws IOException {
    List<String> commandLine = new ArrayList<>();
    commandLine.add(executable().toString());
    commandLine.addAll(List.of(arguments));
    return new ProcessBuilder(commandLine)
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temp file left behind is harmless; the run's result is what matters.
      file.toFile().deleteOnExit();
    }
  }

  /**
   * One finished run of a tool.
   *
   * @param commandLine what ran
   * @param exitCode its exit code
   * @param output stdout and stderr, interleaved
   */
  public record Run(List<String> commandLine, int exitCode, String output) {

    /** Whether the tool exited with 0. */
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** For assertion messages: the command line, exit code and output. */
    public String describe() {
      return String.join(" ", commandLine) + " exited with " + exitCode + ":\n" + output;
    }
  }
}
