package dev.flowlet.api.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tables {@code alerts} and {@code alert_events}. */
@Component
class AlertCases {

  private final JdbcClient jdbc;

  AlertCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AlertCase> find(String alertId, boolean forUpdate) {
    return jdbc.sql("select * from alerts where alert_id = ?" + (forUpdate ? " for update" : ""))
        .param(alertId)
        .query((rs, row) -> alertCase(rs))
        .optional();
  }

  List<AlertCase.Event> history(String alertId) {
    return jdbc.sql(
            "select occurred_at, actor, action, from_status, to_status, note from alert_events"
                + " where alert_id = ? order by id")
        .param(alertId)
        .query(
            (rs, row) ->
                new AlertCase.Event(
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("from_status") == null
                        ? null
                        : CaseStatus.valueOf(rs.getString("from_status")),
                    CaseStatus.valueOf(rs.getString("to_status")),
                    rs.getString("note")))
        .list();
  }

  /** Newest first, at most {@code limit}, raised before {@code before} when given. */
  List<AlertCase> list(CaseStatus status, String severity, Instant before, int limit) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (status != null) {
      where.add("status = ?");
      params.add(status.name());
    }
    if (severity != null) {
      where.add("severity = ?");
      params.add(severity);
    }
    if (before != null) {
      where.add("raised_at < ?");
      params.add(Timestamp.from(before));
    }
    params.add(limit);
    return jdbc.sql(
            "select * from alerts"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by raised_at desc, alert_id limit ?")
        .params(params)
        .query((rs, row) -> alertCase(rs))
        .list();
  }

  void update(AlertCase updated, AlertCase.Event event) {
    jdbc.sql(
            """
            update alerts set status = ?, assignee = ?, closed_as = ?, close_requested_by = ?,
                closed_by = ?, updated_at = ?
            where alert_id = ?
            """)
        .params(
            updated.status().name(),
            updated.assignee(),
            updated.closedAs(),
            updated.closeRequestedBy(),
            updated.closedBy(),
            Timestamp.from(updated.updatedAt()),
            updated.alertId())
        .update();
    jdbc.sql(
            """
            insert into alert_events (alert_id, occurred_at, actor, action, from_status,
                to_status, note)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            updated.alertId(),
            Timestamp.from(event.occurredAt()),
            event.actor(),
            event.action(),
            event.fromStatus() == null ? null : event.fromStatus().name(),
            event.toStatus().name(),
            event.note())
        .update();
  }

  private static AlertCase alertCase(ResultSet rs) throws SQLException {
    return new AlertCase(
        rs.getString("alert_id"),
        rs.getObject("transaction_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getObject("customer_id", UUID.class),
        rs.getString("rule"),
        rs.getString("severity"),
        rs.getString("detail"),
        rs.getTimestamp("raised_at").toInstant(),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("assignee"),
        rs.getString("closed_as"),
        rs.getString("close_requested_by"),
        rs.getString("closed_by"),
        rs.getTimestamp("updated_at").toInstant(),
        null);
  }
}
