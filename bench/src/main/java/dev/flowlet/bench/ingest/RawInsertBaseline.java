package dev.flowlet.bench.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline: the same writes the API makes for one accepted deposit (idempotency claim, account
 * lock and balance update, ledger row, outbox event, audit row and its outbox event, idempotency
 * answer), issued straight over JDBC in one transaction each, into copies of the real tables in a
 * scratch schema. No HTTP, JSON binding, security or Kafka: what PostgreSQL alone sustains here.
 */
final class RawInsertBaseline {

  private static final String SCHEMA = "bench_baseline";
  private static final String EVENT_PAYLOAD = "x".repeat(520);
  private static final String AUDIT_PAYLOAD = "y".repeat(420);

  private final String jdbcUrl;
  private final String user;
  private final String password;

  RawInsertBaseline(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Accepted "transactions" per second over {@code duration} with {@code connections}. */
  LatencyRecorder.Result run(int connections, int accounts, Duration duration) throws Exception {
    List<UUID> accountIds = prepare(accounts);
    LatencyRecorder recorder = new LatencyRecorder();
    long end = System.nanoTime() + duration.toNanos();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        workers.add(pool.submit(() -> work(accountIds, end, recorder)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    return recorder.result((System.nanoTime() - start) / 1e9);
  }

  private Void work(List<UUID> accounts, long end, LatencyRecorder recorder) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
      db.setAutoCommit(false);
      db.createStatement().execute("set search_path to " + SCHEMA);
      try (var claim =
              db.prepareStatement(
                  "insert into idempotency_keys (actor, idempotency_key, request_hash)"
                      + " values (?, ?, ?) on conflict do nothing");
          var lock =
              db.prepareStatement(
                  "select id, customer_id, currency, status, balance, overdraft_limit"
                      + " from accounts where id = any(?) order by id for update");
          var post =
              db.prepareStatement(
                  "update accounts a set balance = a.balance + v.delta from (values (?::uuid,"
                      + " ?::numeric)) v(id, delta) where a.id = v.id returning a.id, a.balance");
          var ledger =
              db.prepareStatement(
                  "insert into transactions (id, account_id, type, amount, currency,"
                      + " occurred_at, counterparty_name, counterparty_country,"
                      + " counterparty_account_id, channel_country, channel_device_id,"
                      + " balance_after, created_by, created_at)"
                      + " values (?, ?, 'DEPOSIT', ?, 'EUR', ?, 'Payroll Services Ltd', 'DE',"
                      + " null, 'DE', 'bench-device', ?, 'bench', ?)");
          var outbox =
              db.prepareStatement(
                  "insert into outbox (topic, message_key, payload) values (?, ?, ?)");
          var audit =
              db.prepareStatement(
                  "insert into audit_logs (id, chain_id, occurred_at, actor, role, action,"
                      + " resource_type, resource_id, subject_id, outcome, source_ip,"
                      + " request_id, details) values (?, 'api', ?, 'bench', 'OPERATOR',"
                      + " 'transaction.created', 'transaction', ?, ?, 'SUCCESS', '127.0.0.1',"
                      + " ?, '{}'::jsonb)");
          var answer =
              db.prepareStatement(
                  "update idempotency_keys set response_status = 201, response_body = ?"
                      + " where actor = ? and idempotency_key = ?")) {
        while (System.nanoTime() < end) {
          long started = System.nanoTime();
          UUID account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
          String key = UUID.randomUUID().toString();
          UUID id = UUID.randomUUID();
          Timestamp now = Timestamp.from(Instant.now());
          BigDecimal amount =
              BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(100, 90000), 2);
          claim.setString(1, "bench");
          claim.setString(2, key);
          claim.setString(3, "h".repeat(64));
          claim.executeUpdate();
          lock.setArray(1, db.createArrayOf("uuid", new Object[] {account}));
          lock.executeQuery().close();
          post.setObject(1, account);
          post.setBigDecimal(2, amount);
          BigDecimal balance;
          try (var rows = post.executeQuery()) {
            rows.next();
            balance = rows.getBigDecimal(2);
          }
          ledger.setObject(1, id);
          ledger.setObject(2, account);
          ledger.setBigDecimal(3, amount);
          ledger.setTimestamp(4, now);
          ledger.setBigDecimal(5, balance);
          ledger.setTimestamp(6, now);
          ledger.executeUpdate();
          insertOutbox(outbox, "flowlet.transactions.v1", account.toString(), EVENT_PAYLOAD);
          audit.setObject(1, UUID.randomUUID());
          audit.setTimestamp(2, now);
          audit.setString(3, id.toString());
          audit.setString(4, account.toString());
          audit.setString(5, key);
          audit.executeUpdate();
          insertOutbox(outbox, "flowlet.audit.v1", "api", AUDIT_PAYLOAD);
          answer.setString(1, EVENT_PAYLOAD);
          answer.setString(2, "bench");
          answer.setString(3, key);
          answer.executeUpdate();
          db.commit();
          recorder.accepted(System.nanoTime() - started);
        }
      }
    }
    return null;
  }

  private static void insertOutbox(
      PreparedStatement outbox, String topic, String key, String payload) throws SQLException {
    outbox.setString(1, topic);
    outbox.setString(2, key);
    outbox.setString(3, payload);
    outbox.executeUpdate();
  }

  /**
   * Copies of the real tables (indexes, checks and defaults) in a scratch schema, with accounts.
   */
  private List<UUID> prepare(int accounts) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        Statement sql = db.createStatement()) {
      sql.execute("drop schema if exists " + SCHEMA + " cascade");
      sql.execute("create schema " + SCHEMA);
      for (String table :
          List.of(
              "customers",
              "accounts",
              "transactions",
              "idempotency_keys",
              "audit_logs",
              "outbox")) {
        sql.execute(
            "create table %s.%s (like public.%s including all)".formatted(SCHEMA, table, table));
      }
      sql.execute(
          "alter table %s.transactions add foreign key (account_id) references %s.accounts (id)"
              .formatted(SCHEMA, SCHEMA));
      UUID customer = UUID.randomUUID();
      sql.execute(
          "insert into %s.customers (id, name, email, country) values ('%s', 'Bench', 'b@x', 'DE')"
              .formatted(SCHEMA, customer));
      try (var insert =
          db.prepareStatement(
              "insert into %s.accounts (id, customer_id, currency) values (?, ?, 'EUR')"
                  .formatted(SCHEMA))) {
        for (int i = 0; i < accounts; i++) {
          UUID id = UUID.randomUUID();
          insert.setObject(1, id);
          insert.setObject(2, customer);
          insert.addBatch();
          ids.add(id);
        }
        insert.executeBatch();
      }
    }
    return ids;
  }

  /** Drops the scratch schema. */
  void cleanUp() throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        Statement sql = db.createStatement()) {
      sql.execute("drop schema if exists " + SCHEMA + " cascade");
    }
  }
}
