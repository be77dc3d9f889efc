package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.local.verify.VerifySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifySettingsTest {

  @Test
  void readsTheAddressesTheAppsReadAndDefaultsToTheLocalStack() {
    VerifySettings local = VerifySettings.from(Map.of("FLOWLET_PG_PORT", "15432"), List.of());
    assertThat(local.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/flowlet");
    assertThat(local.elasticsearchUrl()).isEqualTo("http://127.0.0.1:9200");

    VerifySettings production =
        VerifySettings.from(
            Map.of(
                "FLOWLET_DB_URL", "jdbc:postgresql://db.internal/flowlet",
                "FLOWLET_DB_USER", "verifier",
                "FLOWLET_ES_URL", "https://es.internal:9200"),
            List.of());
    assertThat(production.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/flowlet");
    assertThat(production.dbUser()).isEqualTo("verifier");
    assertThat(production.elasticsearchUrl()).isEqualTo("https://es.internal:9200");
  }

  @Test
  void takesARangeAndASettleTime() {
    VerifySettings settings =
        VerifySettings.from(
            Map.of(),
            List.of(
                "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z", "--settle", "5"));
    assertThat(settings.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(settings.to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(settings.settle()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void refusesAnEmptyRangeAndUnknownOptions() {
    assertThatThrownBy(
            () ->
                VerifySettings.from(
                    Map.of(),
                    List.of("--from", "2026-11-02T00:00:00Z", "--to", "2026-11-01T00:00:00Z")))
        .hasMessageContaining("--from must be before --to");
    assertThatThrownBy(() -> VerifySettings.from(Map.of(), List.of("--since", "x")))
        .hasMessageContaining("unknown option --since");
    assertThatThrownBy(() -> VerifySettings.from(Map.of(), List.of("--from", "yesterday")))
        .hasMessageContaining("is not valid");
  }
}
