package dev.flowlet.local;

import dev.flowlet.local.verify.Verifier;
import dev.flowlet.local.verify.VerifyException;
import dev.flowlet.local.verify.VerifyReport;
import dev.flowlet.local.verify.VerifySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher's commands. {@code up} starts the whole local stack under supervision, prints where
 * everything is, and stops it all on Ctrl-C or SIGTERM; {@code status} and {@code part} talk to the
 * running launcher's control endpoint; {@code verify} counts end to end that nothing was lost or
 * doubled. Errors a user can fix are one line on standard error and exit code 2. {@code up} and
 * {@code down} also stop the apps a launcher killed with SIGKILL left running ({@link
 * AppPidFiles}).
 */
public final class Flowlet {

  private Flowlet() {}

  public static void main(String[] args) throws InterruptedException {
    String command = args.length == 0 ? "up" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    Path root = Path.of(System.getProperty("flowlet.root", ".")).toAbsolutePath().normalize();
    int code =
        switch (command) {
          case "up" -> up(root);
          case "verify" -> verify(rest);
          case "status" -> control(root, "GET", "/status");
          case "down" -> down(root);
          case "part" ->
              rest.size() == 2
                  ? control(root, "POST", "/parts/" + rest.get(0) + "/" + rest.get(1))
                  : usage("./flowlet part <name> stop|start|kill");
          default ->
              usage("unknown command '" + command + "'; try: up, down, verify, status, part");
        };
    System.exit(code);
  }

  private static int usage(String message) {
    System.err.println("flowlet: " + message);
    return 2;
  }

  private static int up(Path root) throws InterruptedException {
    LocalSettings settings = LocalSettings.fromEnvironment(root, System.getenv());
    // Apps a launcher killed with SIGKILL left behind would hold the ports and the data.
    AppPidFiles.stopOrphans(pidFolder(settings));
    LaunchedApps.writePidFilesTo(pidFolder(settings));
    LocalStack stack = new LocalStack(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    ControlServer[] control = new ControlServer[1];
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (control[0] != null) {
                    control[0].close();
                  }
                  stack.close();
                  stopped.countDown();
                },
                "flowlet-shutdown"));
    try {
      control[0] = ControlServer.start(stack, settings.controlPort());
      stack.start();
    } catch (RuntimeException e) {
      // The shutdown hook stops whatever had started.
      System.err.println("flowlet: " + e.getMessage());
      return 2;
    }
    stopped.await();
    return 0;
  }

  /**
   * Asks the running launcher to stop; when none answers, stops the apps a killed launcher left
   * running, if any.
   */
  private static int down(Path root) {
    LocalSettings settings = LocalSettings.fromEnvironment(root, System.getenv());
    Optional<Integer> answered = control(settings.controlPort(), "POST", "/down");
    if (answered.isPresent()) {
      return answered.get();
    }
    List<String> stopped = AppPidFiles.stopOrphans(pidFolder(settings));
    if (stopped.isEmpty()) {
      return noLauncher(settings.controlPort());
    }
    System.out.println(
        "flowlet: no launcher was running; stopped what a killed one left: "
            + String.join(", ", stopped));
    return 0;
  }

  /** {@code FLOWLET_HOME/run}: a pid file per app of the running launcher. */
  private static Path pidFolder(LocalSettings settings) {
    return settings.home().resolve("run");
  }

  private static int verify(List<String> args) {
    VerifySettings settings;
    try {
      settings = VerifySettings.from(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      return usage(
          "verify: "
              + e.getMessage()
              + "; usage: ./flowlet verify [--from ISO --to ISO] [--settle SECONDS]");
    }
    System.out.println(
        "verify: "
            + (settings.from() == null && settings.to() == null
                ? "the whole database"
                : "from " + orOpen(settings.from()) + " to " + orOpen(settings.to()))
            + " against "
            + settings.elasticsearchUrl());
    try {
      VerifyReport report = new Verifier(settings).run();
      System.out.println(report.render());
      return report.exitCode();
    } catch (VerifyException e) {
      System.err.println("flowlet verify: cannot run: " + e.getMessage());
      return 2;
    }
  }

  private static String orOpen(Object bound) {
    return bound == null ? "(open)" : bound.toString();
  }

  private static int control(Path root, String method, String path) {
    int port = LocalSettings.fromEnvironment(root, System.getenv()).controlPort();
    return control(port, method, path).orElseGet(() -> noLauncher(port));
  }

  private static int noLauncher(int port) {
    return usage("no launcher answers on 127.0.0.1:" + port + "; is ./flowlet up running?");
  }

  /** The exit code for the launcher's answer, or empty when no launcher answers. */
  private static Optional<Integer> control(int port, String method, String path) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .timeout(Duration.ofMinutes(3))
                      .method(method, HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      (response.statusCode() == 200 ? System.out : System.err).print(response.body());
      return Optional.of(response.statusCode() == 200 ? 0 : 1);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(2);
    }
  }
}
