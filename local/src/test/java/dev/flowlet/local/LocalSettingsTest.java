package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

  private final Path root = Path.of("/opt/flowlet");

  @Test
  void usesTheDocumentedPortsAndKeepsDataUnderTheCheckout() {
    LocalSettings settings = LocalSettings.fromEnvironment(root, Map.of());

    assertThat(settings.apiPort()).isEqualTo(5001);
    assertThat(settings.streamsPort()).isEqualTo(5002);
    assertThat(settings.batchPort()).isEqualTo(5003);
    assertThat(settings.kafkaPort()).isEqualTo(9092);
    assertThat(settings.elasticsearchPort()).isEqualTo(9200);
    assertThat(settings.postgresPort()).isEqualTo(5432);
    assertThat(settings.dataDir("kafka")).isEqualTo(Path.of("/opt/flowlet/.flowlet/data/kafka"));
    assertThat(settings.externalDatabase()).isFalse();
    assertThat(settings.demoPassword()).isEqualTo("flowlet-demo");
  }

  @Test
  void takesPortsHomeAndAnExternalDatabaseFromTheEnvironment() {
    LocalSettings settings =
        LocalSettings.fromEnvironment(
            root,
            Map.of(
                "FLOWLET_KAFKA_PORT", "19092",
                "FLOWLET_HOME", "/var/lib/flowlet",
                "FLOWLET_DB_URL", "jdbc:postgresql://db:5432/flowlet"));

    assertThat(settings.kafkaPort()).isEqualTo(19092);
    assertThat(settings.logFile("flowlet-api"))
        .isEqualTo(Path.of("/var/lib/flowlet/logs/flowlet-api.log"));
    assertThat(settings.externalDatabase()).isTrue();
  }

  @Test
  void refusesAPortThatIsNotANumberInOneLine() {
    assertThatThrownBy(() -> LocalSettings.fromEnvironment(root, Map.of("FLOWLET_ES_PORT", "92OO")))
        .isInstanceOf(StackStartException.class)
        .hasMessage("FLOWLET_ES_PORT=92OO is not a port number (1-65535)");
  }

  @Test
  void runsAllAppsUnlessFlowletAppsNamesSome() {
    assertThat(LocalSettings.fromEnvironment(root, Map.of()).apps())
        .containsExactly(FlowletApp.API, FlowletApp.STREAMS_PROCESSOR, FlowletApp.BATCH_JOBS);
    assertThat(
            LocalSettings.fromEnvironment(root, Map.of("FLOWLET_APPS", "api, streams-processor"))
                .apps())
        .containsExactly(FlowletApp.API, FlowletApp.STREAMS_PROCESSOR);
    assertThatThrownBy(
            () -> LocalSettings.fromEnvironment(root, Map.of("FLOWLET_APPS", "api,billing")))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("unknown app");
  }
}
