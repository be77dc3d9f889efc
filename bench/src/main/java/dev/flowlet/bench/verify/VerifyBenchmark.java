package dev.flowlet.bench.verify;

import dev.flowlet.local.verify.Verifier;
import dev.flowlet.local.verify.VerifyReport;
import dev.flowlet.local.verify.VerifySettings;
import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.postgres.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Times {@code ./flowlet verify}'s checks on {@code -Dtransactions} (default 100,000) transactions,
 * each with its decision row, decision document, audit row and audit document (so 100,000
 * transactions are 200,000 documents to scan), on a real embedded PostgreSQL 15 and Elasticsearch
 * node. The ledger tables are the columns verify reads, filled with {@code generate_series}; the
 * documents are bulk-indexed 5,000 a request. Run: {@code bench/verify.sh}.
 */
public final class VerifyBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private VerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int transactions = Integer.getInteger("transactions", 100_000);
    Path work = Files.createTempDirectory("flowlet-bench-verify");
    try (PostgresServer postgres = PostgresServer.start(work.resolve("pg"), 0);
        ElasticsearchNode elasticsearch = ElasticsearchNode.start(work.resolve("es"), 0)) {
      postgres.createDatabase("flowlet");
      String jdbc = postgres.jdbcUrl("flowlet");
      long loading = System.nanoTime();
      try (Connection db = DriverManager.getConnection(jdbc, postgres.username(), "");
          Statement sql = db.createStatement()) {
        sql.execute(
            """
            create table transactions (id uuid primary key, created_at timestamptz not null);
            create index on transactions (created_at);
            create table risk_decisions (transaction_id uuid primary key,
                received_at timestamptz not null);
            create table audit_logs (id uuid primary key, chain_id text not null,
                occurred_at timestamptz not null);
            create index on audit_logs (occurred_at);
            create table outbox (id bigserial primary key, created_at timestamptz not null,
                published_at timestamptz);
            create index on outbox (id) where published_at is null;
            insert into transactions
              select gen_random_uuid(), now() - make_interval(secs => i) from generate_series(1, %d) i;
            insert into risk_decisions select id, created_at from transactions;
            insert into audit_logs select gen_random_uuid(), 'api', created_at from transactions;
            analyze;
            """
                .formatted(transactions));
        index(elasticsearch.httpUrl(), db);
      }
      System.out.printf(
          "# verify benchmark: %d transactions, %d decision and %d audit documents, loaded in %.1f s%n",
          transactions, transactions, transactions, (System.nanoTime() - loading) / 1e9);
      VerifySettings settings =
          VerifySettings.whole(
              jdbc, postgres.username(), "", elasticsearch.httpUrl(), Duration.ZERO);
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        VerifyReport report = new Verifier(settings).run();
        System.out.printf(
            "run %d: %d ms, exit code %d%n%s%n",
            run, (System.nanoTime() - start) / 1_000_000, report.exitCode(), report.render());
      }
    }
  }

  private static void index(String elasticsearch, Connection db) throws Exception {
    StringBuilder bulk = new StringBuilder();
    int inBulk = 0;
    try (Statement query = db.createStatement()) {
      db.setAutoCommit(false);
      query.setFetchSize(10_000);
      try (ResultSet rows =
          query.executeQuery(
              "select t.id, a.id, to_char(t.created_at at time zone 'UTC',"
                  + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from transactions t"
                  + " join audit_logs a on a.occurred_at = t.created_at")) {
        while (rows.next()) {
          String transaction = rows.getString(1);
          String at = rows.getString(3);
          bulk.append("{\"index\":{\"_index\":\"flowlet-decisions-bench\",\"_id\":\"d-")
              .append(transaction)
              .append("\"}}\n{\"transactionId\":\"")
              .append(transaction)
              .append("\",\"decidedAt\":\"")
              .append(at)
              .append("\"}\n{\"index\":{\"_index\":\"flowlet-audit-bench\",\"_id\":\"")
              .append(rows.getString(2))
              .append("\"}}\n{\"chainId\":\"api\",\"occurredAt\":\"")
              .append(at)
              .append("\"}\n");
          if (++inBulk == 2_500) {
            send(elasticsearch, bulk);
            inBulk = 0;
          }
        }
      }
      db.commit();
    }
    send(elasticsearch, bulk);
    HTTP.send(
        HttpRequest.newBuilder(URI.create(elasticsearch + "/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static void send(String elasticsearch, StringBuilder bulk) throws Exception {
    if (bulk.isEmpty()) {
      return;
    }
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(elasticsearch + "/_bulk"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(bulk.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
      throw new IllegalStateException("bulk failed: " + response.body().substring(0, 500));
    }
    bulk.setLength(0);
  }
}
