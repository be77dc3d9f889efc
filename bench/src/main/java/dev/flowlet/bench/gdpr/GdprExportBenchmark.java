package dev.flowlet.bench.gdpr;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One data subject with {@code transactions} ledger rows (written with COPY, not through the API),
 * then an export request through the API: wall time from the POST to COMPLETED, batch-jobs' peak
 * used heap sampled from its /metrics every 250 ms (rendering /metrics costs CPU the job would
 * otherwise have; the request is polled every 100 ms), and the archive downloaded and checked. The
 * baseline, in the same run: {@code psql \copy (select ...) to file} of the same transaction rows.
 *
 * <p>System properties: {@code api}, {@code batch}, {@code jdbc}, {@code db.user}, {@code
 * db.password}, {@code pg.bin}, {@code transactions}, {@code work}.
 */
public final class GdprExportBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private GdprExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    String api = System.getProperty("api", "http://127.0.0.1:5001");
    String batch = System.getProperty("batch", "http://127.0.0.1:5003");
    String jdbc = System.getProperty("jdbc", "jdbc:postgresql://127.0.0.1:5432/flowlet");
    String user = System.getProperty("db.user", "postgres");
    String password = System.getProperty("db.password", "");
    Path pgBin = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));
    int transactions = Integer.getInteger("transactions", 50_000);
    Path work = Path.of(System.getProperty("work", System.getProperty("java.io.tmpdir")));

    UUID subject = UUID.randomUUID();
    try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
      long began = System.nanoTime();
      seed(db, subject, transactions);
      System.out.printf(
          "seeded: 1 subject, %,d transactions (COPY) in %.1f s%n",
          transactions, (System.nanoTime() - began) / 1e9);
    }

    String officer = login(api, "demo-officer");
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleHeap(batch, peakHeap));
    Instant posted = Instant.now();
    long start = System.nanoTime();
    JsonNode filed =
        send(
            HttpRequest.newBuilder(URI.create(api + "/api/v1/privacy/requests"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + officer)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of("subjectId", subject.toString(), "type", "EXPORT")))));
    String id = filed.get("id").asString();
    JsonNode request;
    do {
      Thread.sleep(100);
      request =
          send(
              HttpRequest.newBuilder(URI.create(api + "/api/v1/privacy/requests/" + id))
                  .header("Authorization", "Bearer " + officer)
                  .GET());
    } while (!List.of("COMPLETED", "FAILED").contains(request.get("status").asString()));
    double wall = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    sampler.join();
    if (!request.get("status").asString().equals("COMPLETED")) {
      throw new IllegalStateException("The export failed: " + request.get("failure"));
    }
    Duration queued = Duration.between(posted, Instant.parse(request.get("startedAt").asString()));
    Duration job =
        Duration.between(
            Instant.parse(request.get("startedAt").asString()),
            Instant.parse(request.get("completedAt").asString()));

    HttpResponse<byte[]> archive =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api + "/api/v1/privacy/requests/" + id + "/export"))
                .header("Authorization", "Bearer " + officer)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String sha256 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive.body()));
    boolean intact =
        archive.statusCode() == 200
            && sha256.equals(request.get("archive").get("sha256").asString());

    double baseline = psqlCopy(pgBin, jdbc, user, password, subject, work);

    System.out.printf(
        "export of %,d transactions: %.2f s from request to COMPLETED (claim wait %.2f s, job %.2f s);"
            + " batch-jobs peak used heap %d MiB; archive %,d bytes, download %s%n",
        transactions,
        wall,
        queued.toMillis() / 1e3,
        job.toMillis() / 1e3,
        peakHeap.get() / (1024 * 1024),
        archive.body().length,
        intact ? "200 and SHA-256 matches" : "FAILED (" + archive.statusCode() + ")");
    System.out.printf(
        "baseline: psql \\copy of the same %,d transaction rows to a CSV file: %.2f s; export / baseline = %.1fx%n",
        transactions, baseline, wall / baseline);
    System.out.printf("goal <= 5 s: %s%n", wall <= 5.0 ? "met" : "MISSED");
  }

  private static void seed(Connection db, UUID subject, int transactions) throws Exception {
    UUID account = UUID.randomUUID();
    try (PreparedStatement customer =
            db.prepareStatement(
                "insert into customers (id, name, email, phone, country) values (?, ?, ?, ?, 'DE')");
        PreparedStatement opened =
            db.prepareStatement(
                "insert into accounts (id, customer_id, currency, balance) values (?, ?, 'EUR', 0)")) {
      customer.setObject(1, subject);
      customer.setString(2, "Bench Subject " + subject.toString().substring(0, 8));
      customer.setString(3, "bench-" + subject + "@example.test");
      customer.setString(4, "+49 30 000000");
      customer.executeUpdate();
      opened.setObject(1, account);
      opened.setObject(2, subject);
      opened.executeUpdate();
    }
    StringBuilder rows = new StringBuilder();
    Instant first = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < transactions; i++) {
      Instant at = first.plusSeconds(600L * i);
      rows.append(UUID.randomUUID())
          .append('\t')
          .append(account)
          .append("\tDEPOSIT\t")
          .append(10 + i % 990)
          .append(".25\tEUR\t")
          .append(at)
          .append("\tPayer ")
          .append(i % 97)
          .append(" GmbH\tDE\tDE\tdevice-")
          .append(i % 3)
          .append("\tbench\t")
          .append(at.plusSeconds(1))
          .append('\n');
    }
    db.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(
            "copy transactions (id, account_id, type, amount, currency, occurred_at,"
                + " counterparty_name, counterparty_country, channel_country, channel_device_id,"
                + " created_by, created_at) from stdin",
            new StringReader(rows.toString()));
  }

  /** The same transaction rows, written to a CSV file by psql alone. */
  private static double psqlCopy(
      Path pgBin, String jdbc, String user, String password, UUID subject, Path work)
      throws Exception {
    Path out = work.resolve("baseline-" + subject + ".csv");
    String rest = jdbc.substring("jdbc:postgresql://".length()).split("\\?")[0];
    String[] hostPort = rest.substring(0, rest.indexOf('/')).split(":");
    String query =
        ("\\copy (select t.* from transactions t join accounts a on a.id = t.account_id"
                + " where a.customer_id = '%s' order by t.created_at, t.id) to '%s' with csv header")
            .formatted(subject, out);
    ProcessBuilder psql =
        new ProcessBuilder(pgBin.resolve("psql").toString(), "--no-password", "-q", "-c", query)
            .inheritIO();
    psql.environment()
        .putAll(
            Map.of(
                "PGHOST",
                hostPort[0],
                "PGPORT",
                hostPort.length > 1 ? hostPort[1] : "5432",
                "PGDATABASE",
                rest.substring(rest.indexOf('/') + 1),
                "PGUSER",
                user,
                "PGPASSWORD",
                password));
    long start = System.nanoTime();
    int exit = psql.start().waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("psql \\copy failed with exit code " + exit);
    }
    Files.deleteIfExists(out);
    return seconds;
  }

  private static String login(String api, String user) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(api + "/api/v1/auth/token"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(
                        Map.of(
                            "username",
                            user,
                            "password",
                            System.getenv()
                                .getOrDefault("FLOWLET_DEMO_PASSWORD", "flowlet-demo"))))))
        .get("access_token")
        .asString();
  }

  private static JsonNode send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** batch-jobs' used heap, the sum of jvm_memory_used_bytes{area="heap"}, every 250 ms. */
  private static void sampleHeap(String batch, AtomicLong peak) {
    HttpRequest metrics = HttpRequest.newBuilder(URI.create(batch + "/metrics")).GET().build();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        long used =
            HTTP.send(metrics, HttpResponse.BodyHandlers.ofString())
                .body()
                .lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{"))
                .filter(line -> line.contains("area=\"heap\""))
                .mapToLong(
                    line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        peak.accumulateAndGet(used, Math::max);
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        throw new IllegalStateException("Cannot sample batch-jobs' heap", e);
      }
    }
  }
}
