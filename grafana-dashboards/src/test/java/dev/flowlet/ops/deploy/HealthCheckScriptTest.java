package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deploy/scripts/health-check.sh against three stand-in apps. */
class HealthCheckScriptTest {

  private StubBackend api;
  private StubBackend streams;
  private StubBackend batch;

  @BeforeEach
  void startApps() throws IOException {
    DebianTool.CURL.executable();
    api = StubBackend.start();
    streams = StubBackend.start();
    batch = StubBackend.start();
  }

  @AfterEach
  void stopApps() {
    api.close();
    streams.close();
    batch.close();
  }

  @Test
  void passesWhenEveryAppIsUpAndReady() {
    Run run = healthCheck(batch.url());

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.output())
        .contains("OK    api (" + api.url() + "): health UP, readiness UP")
        .contains("OK    streams-processor")
        .contains("OK    batch-jobs");
    assertThat(streams.received())
        .extracting(StubBackend.Received::path)
        .contains("/health", "/health/readiness");
  }

  @Test
  void failsAndNamesTheAppThatIsNotReady() {
    streams.reportDown("/health/readiness");

    Run run = healthCheck(batch.url());

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(run.output())
        .contains(
            "FAIL  streams-processor ("
                + streams.url()
                + "): health UP (HTTP 200), readiness DOWN (HTTP 503)")
        .contains("OK    api")
        .contains("OK    batch-jobs");
  }

  @Test
  void failsWhenAnAppDoesNotAnswer() throws IOException {
    String nobodyListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobodyListens = "http://127.0.0.1:" + socket.getLocalPort();
    }

    Run run = healthCheck(nobodyListens);

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(run.output())
        .contains("FAIL  batch-jobs (" + nobodyListens + "): health - (HTTP 000)");
  }

  private Run healthCheck(String batchUrl) {
    return DebianTool.BASH.run(
        Repository.root(),
        Map.of(
            "FLOWLET_API_URL",
            api.url(),
            "FLOWLET_STREAMS_URL",
            streams.url(),
            "FLOWLET_BATCH_URL",
            batchUrl,
            "FLOWLET_HEALTH_TIMEOUT",
            "3"),
        Repository.deploy("scripts/health-check.sh").toString());
  }
}
