package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.testsupport.ports.LoopbackPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./flowlet up} as a user runs it: the script, the launcher, every server and app as real
 * processes; then SIGTERM, as Ctrl-C or a service manager would send.
 */
class FlowletUpIT {

  private static final Path ROOT =
      Path.of(System.getProperty("flowlet.root", "..")).toAbsolutePath().normalize();

  @Test
  void startsTheWholeStackRestartsAKilledAppAndStopsEverythingOnSigterm() throws Exception {
    Path home = Files.createTempDirectory("flowlet-up");
    Path output = home.resolve("flowlet-up.out");
    int apiPort = LoopbackPorts.pickFree();
    ProcessBuilder builder =
        up(
            home,
            output,
            Map.of(
                "FLOWLET_API_PORT", Integer.toString(apiPort),
                "FLOWLET_STREAMS_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_BATCH_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_KAFKA_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_ES_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_PG_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_CONTROL_PORT", Integer.toString(LoopbackPorts.pickFree())));
    Process flowlet = builder.start();
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !flowlet.isAlive() || Files.readString(output).contains("Flowlet is up"));
      String banner = Files.readString(output);
      assertThat(flowlet.isAlive()).as(banner).isTrue();
      assertThat(banner)
          .contains("http://127.0.0.1:" + apiPort)
          .contains("demo-operator, demo-officer, demo-approver, demo-auditor, demo-admin");
      assertThat(health(apiPort)).isEqualTo(200);
      List<ProcessHandle> children = flowlet.descendants().toList();
      assertThat(children).hasSizeGreaterThanOrEqualTo(5);

      String status = status(builder);
      assertThat(status.lines().skip(1).map(line -> line.split("\\s+")[0]))
          .containsExactly(
              "postgresql", "kafka", "elasticsearch", "api", "streams-processor", "batch-jobs");
      assertThat(status.lines().skip(1)).allMatch(line -> line.split("\\s+")[1].equals("running"));
      long apiPid = Long.parseLong(partLine(status, "api")[2]);
      ProcessHandle.of(apiPid).orElseThrow().destroyForcibly();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !ProcessHandle.of(apiPid).map(ProcessHandle::isAlive).orElse(false));
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> health(apiPort) == 200);
      String[] api = partLine(status(builder), "api");
      assertThat(api[1]).isEqualTo("running");
      assertThat(Long.parseLong(api[2])).isNotEqualTo(apiPid);
      assertThat(api[4]).as("restarts").isEqualTo("1");
      assertThat(Files.readString(output)).contains("api died (exit code 137)");
      List<ProcessHandle> afterRestart = flowlet.descendants().toList();

      flowlet.destroy();

      assertThat(flowlet.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(afterRestart).noneMatch(ProcessHandle::isAlive));
    } finally {
      flowlet.descendants().forEach(ProcessHandle::destroyForcibly);
      flowlet.destroyForcibly();
    }
  }

  /**
   * SIGKILL of the launcher runs no shutdown hook: the api JVM is orphaned (Elasticsearch and
   * PostgreSQL stop themselves when their parent dies), and {@code ./flowlet down} finds it by its
   * pid file and stops it.
   */
  @Test
  void downStopsTheAppALauncherKilledWithSigkillLeftRunning() throws Exception {
    Path home = Files.createTempDirectory("flowlet-up");
    Path output = home.resolve("flowlet-up.out");
    ProcessBuilder builder =
        up(
            home,
            output,
            Map.of(
                "FLOWLET_APPS", "api",
                "FLOWLET_API_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_KAFKA_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_ES_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_PG_PORT", Integer.toString(LoopbackPorts.pickFree()),
                "FLOWLET_CONTROL_PORT", Integer.toString(LoopbackPorts.pickFree())));
    Process flowlet = builder.start();
    List<ProcessHandle> children = List.of();
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !flowlet.isAlive() || Files.readString(output).contains("Flowlet is up"));
      assertThat(flowlet.isAlive()).as(Files.readString(output)).isTrue();
      long apiPid = Long.parseLong(partLine(status(builder), "api")[2]);
      children = flowlet.descendants().toList();
      assertThat(home.resolve("run/flowlet-api.pid")).exists();

      flowlet.destroyForcibly();
      assertThat(flowlet.waitFor(30, TimeUnit.SECONDS)).isTrue();
      ProcessHandle api = ProcessHandle.of(apiPid).orElseThrow();
      assertThat(api.isAlive()).as("the api outlives a launcher killed with SIGKILL").isTrue();

      String said = succeeds("down", builder, Duration.ofSeconds(90));

      assertThat(said).contains("flowlet-api (pid " + apiPid + ")");
      await().atMost(Duration.ofSeconds(10)).until(() -> !api.isAlive());
      List<ProcessHandle> launched = children;
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(launched).noneMatch(ProcessHandle::isAlive));
      assertThat(home.resolve("run/flowlet-api.pid")).doesNotExist();
    } finally {
      children.forEach(ProcessHandle::destroyForcibly);
      flowlet.descendants().forEach(ProcessHandle::destroyForcibly);
      flowlet.destroyForcibly();
    }
  }

  /** {@code ./flowlet status} with the environment of the running launcher. */
  private static String status(ProcessBuilder up) throws Exception {
    return succeeds("status", up, Duration.ofSeconds(60));
  }

  /**
   * {@code ./flowlet up} in {@code home} on the embedded database, its output to {@code output},
   * with {@code environment} (ports, apps) added.
   */
  private static ProcessBuilder up(Path home, Path output, Map<String, String> environment) {
    ProcessBuilder builder =
        flowlet("up").redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().remove("FLOWLET_DB_URL");
    builder.environment().put("FLOWLET_HOME", home.toString());
    builder.environment().putAll(environment);
    return builder;
  }

  /**
   * Runs {@code ./flowlet <command>} with the environment of the launcher {@code up} started, and
   * returns what it said once it exited 0 within {@code within}.
   */
  private static String succeeds(String command, ProcessBuilder up, Duration within)
      throws Exception {
    ProcessBuilder builder = flowlet(command).redirectErrorStream(true);
    builder.environment().putAll(up.environment());
    Process process = builder.start();
    String text = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(within.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }

  private static ProcessBuilder flowlet(String command) {
    return new ProcessBuilder("bash", ROOT.resolve("flowlet").toString(), command);
  }

  /** The columns of one part's line: name, state, pid, port, restarts, uptime. */
  private static String[] partLine(String status, String part) {
    return status
        .lines()
        .filter(line -> line.startsWith(part + " "))
        .findFirst()
        .orElseThrow()
        .split("\\s+");
  }

  @Test
  void refusesAPortInUseWithOneLineAndExitCode2() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ProcessBuilder builder = flowlet("up").redirectErrorStream(true);
      builder.environment().remove("FLOWLET_DB_URL");
      builder.environment().put("FLOWLET_HOME", Files.createTempDirectory("flowlet-up").toString());
      builder.environment().put("FLOWLET_API_PORT", Integer.toString(taken.getLocalPort()));
      builder.environment().put("FLOWLET_CONTROL_PORT", Integer.toString(LoopbackPorts.pickFree()));
      Process flowlet = builder.start();
      String said = new String(flowlet.getInputStream().readAllBytes()).strip();

      assertThat(flowlet.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(flowlet.exitValue()).isEqualTo(2);
      assertThat(said.lines())
          .singleElement()
          .asString()
          .startsWith("flowlet: port " + taken.getLocalPort())
          .contains("already in use");
    }
  }

  private static int health(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
