package dev.flowlet.local.verify;

import dev.flowlet.events.audit.AuditCheckpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checks share in one run: the database connection, the Elasticsearch scanner, the range,
 * and the committed transaction ids (read once, used by two checks).
 */
public final class VerifyContext {

  private final VerifySettings settings;
  private final Connection db;
  private final ElasticsearchScan elasticsearch;
  private Set<String> transactionIds;

  VerifyContext(VerifySettings settings, Connection db) {
    this.settings = settings;
    this.db = db;
    this.elasticsearch = new ElasticsearchScan(settings.elasticsearchUrl());
  }

  VerifySettings settings() {
    return settings;
  }

  ElasticsearchScan elasticsearch() {
    return elasticsearch;
  }

  /** Ids of the committed transactions created in the range. */
  Set<String> transactionIds() {
    if (transactionIds == null) {
      transactionIds =
          new HashSet<>(
              strings(
                  "select id::text from transactions where created_at >= ? and created_at < ?",
                  settings.from(),
                  settings.to()));
    }
    return transactionIds;
  }

  /** The first column of a query with the range's two bounds as its parameters. */
  List<String> strings(String sql, Instant from, Instant to) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, 1, from, "-infinity");
      bind(statement, 2, to, "infinity");
      statement.setFetchSize(10_000);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw cannotRead(e);
    }
  }

  /** One row of numbers from a query with the range's two bounds as its parameters. */
  long[] numbers(String sql, Instant from, Instant to) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, 1, from, "-infinity");
      bind(statement, 2, to, "infinity");
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long[] values = new long[rows.getMetaData().getColumnCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = rows.getLong(i + 1);
        }
        return values;
      }
    } catch (SQLException e) {
      throw cannotRead(e);
    }
  }

  /** Which of {@code ids} exist in {@code table}, asked in batches of 10,000. */
  Set<String> existing(String table, Set<String> ids) {
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(ids);
    for (int start = 0; start < all.size(); start += 10_000) {
      List<String> batch = all.subList(start, Math.min(all.size(), start + 10_000));
      try (PreparedStatement statement =
          db.prepareStatement("select id::text from " + table + " where id = any(?::uuid[])")) {
        statement.setArray(1, db.createArrayOf("text", batch.toArray()));
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            found.add(rows.getString(1));
          }
        }
      } catch (SQLException e) {
        throw cannotRead(e);
      }
    }
    return found;
  }

  /** Every signed checkpoint in {@code audit_checkpoints}, by chain, in sequence order. */
  Map<String, List<AuditCheckpoint>> auditCheckpoints() {
    Map<String, List<AuditCheckpoint>> byChain = new HashMap<>();
    try (PreparedStatement statement =
            db.prepareStatement(
                "select chain_id, sequence, head_hash, created_at, key_id, signature"
                    + " from audit_checkpoints order by chain_id, sequence");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        byChain
            .computeIfAbsent(rows.getString(1), chain -> new ArrayList<>())
            .add(
                new AuditCheckpoint(
                    AuditCheckpoint.SCHEMA_VERSION,
                    rows.getString(1),
                    rows.getLong(2),
                    rows.getString(3),
                    rows.getTimestamp(4).toInstant(),
                    rows.getString(5),
                    rows.getString(6)));
      }
      return byChain;
    } catch (SQLException e) {
      throw cannotRead(e);
    }
  }

  private static void bind(PreparedStatement statement, int index, Instant bound, String open)
      throws SQLException {
    if (bound == null) {
      statement.setObject(index, open, Types.OTHER);
    } else {
      statement.setTimestamp(index, Timestamp.from(bound));
    }
  }

  private static VerifyException cannotRead(SQLException e) {
    return new VerifyException("PostgreSQL refused a query: " + e.getMessage(), e);
  }
}
