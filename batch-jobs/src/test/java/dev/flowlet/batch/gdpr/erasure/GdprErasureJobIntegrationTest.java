package dev.flowlet.batch.gdpr.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.events.SealedValue;
import dev.flowlet.events.SubjectDataCipher;
import dev.flowlet.events.SubjectErased;
import dev.flowlet.events.Topic;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.kafka.TopicContents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gdprErasureJob} against the real PostgreSQL, Kafka and Elasticsearch: after it, the
 * subject's name, email and phone are nowhere in clear, sealed event fields cannot be opened any
 * more, the money still adds up, and the certificate proves it.
 */
@BatchJobsTest
class GdprErasureJobIntegrationTest {

  private final JdbcTemplate jdbc;
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job gdprErasureJob;
  private final KafkaTemplate<String, byte[]> kafka;
  private final SearchIndices search;
  private final JsonMapper json = JsonMapper.builder().build();

  GdprErasureJobIntegrationTest(
      JdbcTemplate jdbc,
      JobOperator operator,
      JobRepository repository,
      Job gdprErasureJob,
      KafkaTemplate<String, byte[]> kafka)
      throws Exception {
    this.jdbc = jdbc;
    this.operator = operator;
    this.repository = repository;
    this.gdprErasureJob = gdprErasureJob;
    this.kafka = kafka;
    this.search = new SearchIndices();
  }

  @Test
  void leavesTheSubjectsIdentifiersNowhereInClearAndTheBalancesAsTheyWere() throws Exception {
    DataSubject alice = DataSubject.named("Alice");
    byte[] dataKey = alice.writeTo(jdbc);
    alice.publishSealedEvents(kafka, dataKey);
    String decision = search.indexDocumentsOf(alice);
    Map<String, Object> balances = balances(alice);
    assertThat(rowsMentioning(alice.name)).isPositive();
    assertThat(search.sourcesContaining(alice.name)).isPositive();
    List<SealedValue> sealed = sealedValuesOf(alice);
    assertThat(sealed).hasSize(2);
    assertThat(open(alice, sealed.get(0))).isIn(alice.device, alice.name);

    UUID request = approvedRequest(alice);
    JobExecution execution = run(request, alice);

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    for (String identifier : List.of(alice.name, alice.email, alice.phone, alice.device)) {
      assertThat(rowsMentioning(identifier)).as("rows naming %s", identifier).isZero();
      assertThat(search.sourcesContaining(identifier)).isZero();
      assertThat(kafkaRecordsContaining(identifier)).isZero();
    }
    assertThat(balances(alice)).isEqualTo(balances);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from subject_keys where subject_id = ?", Long.class, alice.id))
        .isZero();
    assertThat(key(alice)).isNull();
    assertThatThrownBy(
            () -> SubjectDataCipher.open(new byte[32], sealed.get(0), "channel.deviceId"))
        .isInstanceOf(IllegalArgumentException.class);
    JsonNode redacted = search.get(SearchIndices.DECISIONS, decision).path("_source");
    assertThat(redacted.path("score").asInt()).isEqualTo(70);
    assertThat(redacted.path("customerId").asString()).isEqualTo(alice.id.toString());
    assertThat(redacted.path("reasons").get(0).path("detail").asString()).isEqualTo("[erased]");
    assertThat(ledgerEntries())
        .anySatisfy(
            entry -> {
              assertThat(entry.subjectId()).isEqualTo(alice.id.toString());
              assertThat(entry.requestId()).isEqualTo(request.toString());
              assertThat(entry.approvedBy()).isEqualTo("demo-approver");
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from erasure_ledger where subject_id = ?", Long.class, alice.id))
        .isEqualTo(1);

    JsonNode certificate = certificate(request);
    assertThat(certificate.path("totalHits").asLong()).isZero();
    assertThat(certificate.path("complete").asBoolean()).isTrue();
    assertThat(certificate.path("approvedBy").asString()).isEqualTo("demo-approver");
    assertThat(certificate.path("checks").size()).isGreaterThan(30);
    assertThat(certificate.path("checks"))
        .anySatisfy(
            check -> assertThat(check.path("target").asString()).isEqualTo("alert_events.note"))
        .anySatisfy(check -> assertThat(check.path("store").asString()).isEqualTo("elasticsearch"))
        .allSatisfy(check -> assertThat(check.path("hits").asLong()).isZero());
    assertThat(certificate.path("steps").path("postgresql.customers").asLong()).isEqualTo(1);
    assertThat(certificate.path("steps").path("postgresql.transactions.channelDeviceId").asLong())
        .isEqualTo(2);
    assertThat(certificate.path("steps").path("elasticsearch.documentsRewritten").asLong())
        .isEqualTo(2);
    assertThat(certificate.path("sha256").asString())
        .isEqualTo(ErasureCertificate.sha256Of(certificate))
        .isEqualTo(independentSha256(certificate));
    ObjectNode forged = (ObjectNode) certificate.deepCopy();
    forged.put("approvedBy", "demo-officer");
    assertThat(ErasureCertificate.sha256Of(forged))
        .isNotEqualTo(certificate.path("sha256").asString());
  }

  @Test
  void changesNothingWhenRunASecondTime() throws Exception {
    DataSubject bob = DataSubject.named("Bob");
    bob.publishSealedEvents(kafka, bob.writeTo(jdbc));
    String decision = search.indexDocumentsOf(bob);
    assertThat(run(approvedRequest(bob), bob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    String before = fingerprint();
    long version = search.get(SearchIndices.DECISIONS, decision).path("_version").asLong();

    UUID second = approvedRequest(bob);
    JobExecution again = run(second, bob);

    assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(fingerprint()).isEqualTo(before);
    assertThat(search.get(SearchIndices.DECISIONS, decision).path("_version").asLong())
        .isEqualTo(version);
    JsonNode certificate = certificate(second);
    assertThat(certificate.path("alreadyErased").asBoolean()).isTrue();
    certificate
        .path("steps")
        .properties()
        .forEach(
            step -> {
              if (!step.getKey().startsWith("ledger.kafkaRecords")
                  && !step.getKey().equals("elasticsearch.documentsFound")) {
                assertThat(step.getValue().asLong()).as(step.getKey()).isZero();
              }
            });
  }

  @Test
  void resumesAfterACrashInTheMiddleAndCompletes() throws Exception {
    DataSubject carol = DataSubject.named("Carol");
    carol.writeTo(jdbc);
    search.indexDocumentsOf(carol);
    UUID request = approvedRequest(carol);
    JobExecution crashed;
    search.blockWrites(true);
    try {
      crashed = run(request, carol);
    } finally {
      search.blockWrites(false);
    }
    assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(rowsMentioning(carol.email)).isZero();
    assertThat(key(carol)).isNotNull();

    JobExecution resumed = run(request, carol);

    assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(resumed.getJobInstanceId()).isEqualTo(crashed.getJobInstanceId());
    assertThat(resumed.getStepExecutions())
        .extracting(StepExecution::getStepName)
        .doesNotContain("erasureCaptureStep", "erasurePostgresStep")
        .contains("erasureElasticsearchStep", "erasureProofStep");
    assertThat(key(carol)).isNull();
    assertThat(search.sourcesContaining(carol.name)).isZero();
    JsonNode certificate = certificate(request);
    assertThat(certificate.path("totalHits").asLong()).isZero();
    assertThat(certificate.path("steps").path("postgresql.customers").asLong()).isEqualTo(1);
  }

  @Test
  void refusesARequestWithoutTheApprovalOfASecondPerson() throws Exception {
    DataSubject dave = DataSubject.named("Dave");
    dave.writeTo(jdbc);
    UUID request = dave.erasureRequest(jdbc, "demo-officer");

    assertThat(run(request, dave).getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(rowsMentioning(dave.email)).isPositive();
    assertThat(key(dave)).isNotNull();
  }

  private UUID approvedRequest(DataSubject subject) {
    return subject.erasureRequest(jdbc, "demo-approver");
  }

  private JobExecution run(UUID request, DataSubject subject) throws Exception {
    JobExecution started =
        operator.start(
            gdprErasureJob,
            new JobParametersBuilder()
                .addString("requestId", request.toString())
                .addString("subjectId", subject.id.toString())
                .toJobParameters());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !repository.getJobExecution(started.getId()).isRunning());
    return repository.getJobExecution(started.getId());
  }

  /** Rows of any table of the Flowlet schema whose text form contains {@code text}. */
  private long rowsMentioning(String text) {
    long rows = 0;
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE'",
            String.class)) {
      rows +=
          jdbc.queryForObject(
              "select count(*) from public.\""
                  + table
                  + "\" t where position(lower(?) in lower(t::text)) > 0",
              Long.class,
              text);
    }
    return rows;
  }

  private long kafkaRecordsContaining(String text) {
    long found = 0;
    for (Topic<String, ?> topic : Topics.ALL) {
      found +=
          TopicContents.readCommitted(
                  FlowletInfrastructure.shared().kafkaBootstrapServers(),
                  topic.name(),
                  value -> new String(value, StandardCharsets.UTF_8))
              .stream()
              .filter(value -> value.toLowerCase().contains(text.toLowerCase()))
              .count();
    }
    return found;
  }

  private List<SealedValue> sealedValuesOf(DataSubject subject) {
    return TopicContents.readCommitted(
            FlowletInfrastructure.shared().kafkaBootstrapServers(),
            Topics.TRANSACTIONS.name(),
            value ->
                Topics.TRANSACTIONS
                    .valueSerde()
                    .deserializer()
                    .deserialize(Topics.TRANSACTIONS.name(), value))
        .stream()
        .<SealedValue>mapMulti(
            (TransactionRecorded event, java.util.function.Consumer<SealedValue> out) -> {
              if (event.channel() != null && event.channel().sealedDeviceId() != null) {
                out.accept(event.channel().sealedDeviceId());
              }
              if (event.counterparty() != null && event.counterparty().sealedName() != null) {
                out.accept(event.counterparty().sealedName());
              }
            })
        .filter(value -> value.subjectId().equals(subject.id.toString()))
        .toList();
  }

  private String open(DataSubject subject, SealedValue value) {
    byte[] key = key(subject);
    try {
      return SubjectDataCipher.open(key, value, TransactionRecorded.SEALED_DEVICE_ID);
    } catch (IllegalArgumentException notADevice) {
      return SubjectDataCipher.open(key, value, TransactionRecorded.SEALED_COUNTERPARTY_NAME);
    }
  }

  /** The subject's data key, unwrapped as the API does; null once shredded. */
  private byte[] key(DataSubject subject) {
    return jdbc
        .query(
            "select wrapped_key from subject_keys where subject_id = ?",
            (rs, row) ->
                SubjectDataCipher.unwrap(
                    DataSubject.KEK, DataSubject.KEK_ID, subject.id.toString(), rs.getBytes(1)),
            subject.id)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private Map<String, Object> balances(DataSubject subject) {
    return jdbc.queryForMap(
        """
        select (select balance from accounts where id = ?) as balance,
               (select sum(amount) from transactions where account_id = ?) as debits_and_credits,
               (select sum(amount) from transactions where counterparty_account_id = ?) as received
        """,
        subject.account,
        subject.account,
        subject.account);
  }

  private List<SubjectErased> ledgerEntries() {
    return TopicContents.readCommitted(
        FlowletInfrastructure.shared().kafkaBootstrapServers(),
        Topics.ERASURES.name(),
        value ->
            Topics.ERASURES.valueSerde().deserializer().deserialize(Topics.ERASURES.name(), value));
  }

  private JsonNode certificate(UUID request) {
    return json.readTree(
        jdbc.queryForObject(
            "select certificate::text from data_subject_requests where id = ?",
            String.class,
            request));
  }

  /** The certificate's hash recomputed without the job's code: sorted members, no spaces. */
  private String independentSha256(JsonNode certificate) throws Exception {
    ObjectNode copy = (ObjectNode) certificate.deepCopy();
    copy.remove("sha256");
    String canonical =
        JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .writeValueAsString(json.treeToValue(copy, Object.class));
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The content of every table an erasure may touch, as one digest. The audit trail's outbox rows
   * are left out: every job run is itself audited ({@code job.started}, {@code job.completed}).
   */
  private String fingerprint() {
    StringBuilder digest = new StringBuilder();
    for (String table :
        List.of(
            "customers",
            "accounts",
            "transactions",
            "idempotency_keys",
            "outbox",
            "cards",
            "alerts",
            "alert_events",
            "subject_keys",
            "erasure_ledger")) {
      digest.append(
          jdbc.queryForObject(
              "select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from public."
                  + table
                  + " t"
                  + (table.equals("outbox") ? " where topic <> 'flowlet.audit.v1'" : ""),
              String.class));
    }
    return digest.toString();
  }
}
