package dev.flowlet.batch.audit;

import dev.flowlet.events.audit.AuditCheckpoint;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The signed checkpoints the API stored in {@code audit_checkpoints}. */
final class StoredCheckpoints {

  private final JdbcClient jdbc;

  StoredCheckpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> chains() {
    return jdbc.sql("select distinct chain_id from audit_checkpoints").query(String.class).list();
  }

  List<AuditCheckpoint> of(String chainId) {
    return jdbc.sql(
            """
            select chain_id, sequence, head_hash, created_at, key_id, signature
            from audit_checkpoints where chain_id = ? order by sequence
            """)
        .param(chainId)
        .query(
            (row, n) ->
                new AuditCheckpoint(
                    AuditCheckpoint.SCHEMA_VERSION,
                    row.getString("chain_id"),
                    row.getLong("sequence"),
                    row.getString("head_hash"),
                    row.getTimestamp("created_at").toInstant(),
                    row.getString("key_id"),
                    row.getString("signature")))
        .list();
  }
}
