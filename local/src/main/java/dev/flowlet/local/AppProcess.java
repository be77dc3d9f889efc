package dev.flowlet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Flowlet app running as a child JVM from its executable jar, with its output in a log file.
 * Started means healthy: {@code GET /health} answered 200. Every app launched is stopped when this
 * JVM exits, even if its handle was lost ({@link LaunchedApps}).
 */
public final class AppProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;

  /** Environment variable with JVM options for the app processes. */
  static final String JAVA_OPTIONS = "FLOWLET_APP_JAVA_OPTS";

  private static final List<String> DEFAULT_JAVA_OPTIONS =
      List.of(
          "-Xms128m",
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:+ExitOnOutOfMemoryError");

  private final Process process;
  private final int port;
  private final Path logFile;

  private AppProcess(String name, Process process, int port, Path logFile) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Starts {@code jar} and waits until it is healthy.
   *
   * @param environment added to this JVM's environment for the child
   * @param port the HTTP port the app listens on (it must read it from {@code environment})
   * @throws StackStartException when the jar is missing, or the app dies or stays unhealthy
   */
  public static AppProcess start(
      String name,
      Path jar,
      Map<String, String> environment,
      int port,
      Path logFile,
      Duration timeout) {
    AppProcess app = launch(name, jar, environment, port, logFile);
    app.awaitHealthy(timeout);
    return app;
  }

  /**
   * Starts {@code jar} without waiting for it to be healthy: how the supervisor restarts an app
   * while a server it needs may still be down (the app's own retries bring it to health).
   *
   * @throws StackStartException when the jar is missing, or this JVM is exiting (the app, if
   *     already forked, is killed)
   */
  public static AppProcess launch(
      String name, Path jar, Map<String, String> environment, int port, Path logFile) {
    if (!Files.isRegularFile(jar)) {
      throw new StackStartException(
          name + " is not built (" + jar + " missing): run ./mvnw -DskipTests package");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(javaOptions(System.getenv(JAVA_OPTIONS)));
    command.addAll(List.of("-jar", jar.toString()));
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      // From here on the JVM's exit stops it, whatever happens to this handle.
      LaunchedApps.add(name, process);
      return new AppProcess(name, process, port, logFile);
    } catch (IOException e) {
      throw new StackStartException("Cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The apps' JVM options: {@value #JAVA_OPTIONS} when set (benchmarks use it for full JIT and a
   * bigger heap), else small-footprint defaults that start fast on a laptop.
   */
  static List<String> javaOptions(String configured) {
    if (configured == null || configured.isBlank()) {
      return DEFAULT_JAVA_OPTIONS;
    }
    return List.of(configured.strip().split("\\s+"));
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** How the process ended, e.g. {@code exit code 137} (137 = 128 + SIGKILL). */
  String exitDescription() {
    return process.isAlive() ? "running" : "exit code " + process.exitValue();
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new StackStartException(
            name + " exited with code " + process.exitValue() + " during start; see " + logFile);
      }
      if (healthy()) {
        return;
      }
      try {
        process.waitFor(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new StackStartException("Interrupted while " + name + " was starting", e);
      }
    }
    close();
    throw new StackStartException(
        name + " was not healthy within " + timeout.toSeconds() + " s; see " + logFile);
  }

  /** Whether {@code GET /health} answers 200 now. */
  private boolean healthy() {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the app at once (SIGKILL), as a crash or an OOM killer would; for fault tests. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks the app to stop (SIGTERM, graceful shutdown), then kills it after 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
