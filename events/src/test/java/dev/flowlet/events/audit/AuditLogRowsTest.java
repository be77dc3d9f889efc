package dev.flowlet.events.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.AuditEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditLogRowsTest {

  @Test
  void bindsEveryColumnInTheInsertsOrderWithDetailsAsJson() {
    UUID id = UUID.fromString("4f6b2c39-6a52-4d43-a5b6-0f1e2d3c4b5a");
    Instant at = Instant.parse("2026-11-26T06:00:00.123456Z");
    var event =
        new AuditEvent(
            AuditEvent.SCHEMA_VERSION,
            id.toString(),
            "batch",
            at,
            "demo-operator",
            "OPERATOR",
            "job.started",
            "job-execution",
            "42",
            null,
            "SUCCESS",
            null,
            null,
            Map.of("job", "reconciliationJob"));

    Object[] values = AuditLogRows.parameters(event);

    assertThat(values).hasSize((int) AuditLogRows.INSERT.chars().filter(c -> c == '?').count());
    assertThat(values)
        .containsExactly(
            id,
            "batch",
            Timestamp.from(at),
            "demo-operator",
            "OPERATOR",
            "job.started",
            "job-execution",
            "42",
            null,
            "SUCCESS",
            null,
            null,
            "{\"job\":\"reconciliationJob\"}");
  }
}
