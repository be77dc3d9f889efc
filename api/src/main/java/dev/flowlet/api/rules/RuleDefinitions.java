package dev.flowlet.api.rules;

import dev.flowlet.events.Alert.Severity;
import dev.flowlet.events.RuleDefinition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tables {@code rule_definitions} (approved versions) and {@code rule_changes}. */
@Component
class RuleDefinitions {

  private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  RuleDefinitions(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The latest approved version of every rule that has one. */
  List<RuleDefinition> current() {
    return jdbc.sql(
            """
            select distinct on (rule) * from rule_definitions order by rule, version desc
            """)
        .query((rs, row) -> definition(rs))
        .list();
  }

  Optional<RuleDefinition> current(String rule) {
    return jdbc.sql("select * from rule_definitions where rule = ? order by version desc limit 1")
        .param(rule)
        .query((rs, row) -> definition(rs))
        .optional();
  }

  /** Stores {@code definition}; false when that version of the rule already exists. */
  boolean insert(RuleDefinition definition) {
    return jdbc.sql(
                """
                insert into rule_definitions (rule, version, enabled, score, severity, parameters,
                    change_id, proposed_by, approved_by, approved_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                definition.rule(),
                definition.version(),
                definition.enabled(),
                definition.score(),
                definition.severity().name(),
                json.writeValueAsString(definition.parameters()),
                definition.changeId(),
                definition.proposedBy(),
                definition.approvedBy(),
                Timestamp.from(definition.approvedAt()))
            .update()
        == 1;
  }

  void insert(RuleChange change) {
    jdbc.sql(
            """
            insert into rule_changes (id, rule, base_version, enabled, score, severity,
                parameters, reason, status, proposed_by, proposed_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            """)
        .params(
            change.id(),
            change.rule(),
            change.baseVersion(),
            change.enabled(),
            change.score(),
            change.severity().name(),
            json.writeValueAsString(change.parameters()),
            change.reason(),
            change.status().name(),
            change.proposedBy(),
            Timestamp.from(change.proposedAt()))
        .update();
  }

  Optional<RuleChange> change(UUID id, boolean forUpdate) {
    return jdbc.sql("select * from rule_changes where id = ?" + (forUpdate ? " for update" : ""))
        .param(id)
        .query((rs, row) -> change(rs))
        .optional();
  }

  List<RuleChange> changes(RuleChange.Status status) {
    return jdbc.sql(
            "select * from rule_changes where (?::text is null or status = ?)"
                + " order by proposed_at desc limit 500")
        .params(status == null ? null : status.name(), status == null ? null : status.name())
        .query((rs, row) -> change(rs))
        .list();
  }

  void decide(RuleChange decided) {
    jdbc.sql(
            """
            update rule_changes set status = ?, decided_by = ?, decided_at = ?,
                decision_reason = ?, resulting_version = ?
            where id = ?
            """)
        .params(
            decided.status().name(),
            decided.decidedBy(),
            Timestamp.from(decided.decidedAt()),
            decided.decisionReason(),
            decided.resultingVersion(),
            decided.id())
        .update();
  }

  private RuleDefinition definition(ResultSet rs) throws SQLException {
    return new RuleDefinition(
        RuleDefinition.SCHEMA_VERSION,
        rs.getString("rule"),
        rs.getLong("version"),
        rs.getBoolean("enabled"),
        rs.getInt("score"),
        Severity.valueOf(rs.getString("severity")),
        json.readValue(rs.getString("parameters"), PARAMETERS),
        rs.getString("change_id"),
        rs.getString("proposed_by"),
        rs.getString("approved_by"),
        rs.getTimestamp("approved_at").toInstant());
  }

  private RuleChange change(ResultSet rs) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    long resulting = rs.getLong("resulting_version");
    Long resultingVersion = rs.wasNull() ? null : resulting;
    return new RuleChange(
        rs.getObject("id", UUID.class),
        rs.getString("rule"),
        rs.getLong("base_version"),
        rs.getBoolean("enabled"),
        rs.getInt("score"),
        Severity.valueOf(rs.getString("severity")),
        json.readValue(rs.getString("parameters"), PARAMETERS),
        rs.getString("reason"),
        RuleChange.Status.valueOf(rs.getString("status")),
        rs.getString("proposed_by"),
        rs.getTimestamp("proposed_at").toInstant(),
        rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(),
        rs.getString("decision_reason"),
        resultingVersion);
  }
}
