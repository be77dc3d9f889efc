package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.SubjectDataCipher;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * Schema 2 of {@code TransactionRecorded}: a customer gets a data key with their profile (or
 * lazily, when registered before keys existed), the device travels as that subject's pseudonym and
 * sealed with their key, and a Flowlet payee's name travels sealed with the payee's key; nothing of
 * either in clear, in the outbox or on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class PersonalDataInEventsIntegrationTest {

  /** The local profile's public demo key-encryption key (application-local.yml). */
  private static final byte[] LOCAL_KEK =
      Base64.getDecoder().decode("bG9jYWwtb25seS1zdWJqZWN0LWtlay1kZW1vLTAwMDE=");

  private final ApiClient api;
  private final JdbcClient jdbc;

  PersonalDataInEventsIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void createsADataKeyWithTheCustomer() {
    String operator = api.token("demo-operator");

    String customer = api.createCustomer(operator);

    assertThat(keyOf(customer)).hasSize(SubjectDataCipher.KEY_BYTES);
  }

  @Test
  void sendsTheDeviceAsPseudonymAndThePayeesNameSealedNeverInClear() {
    String operator = api.token("demo-operator");
    String payer = api.createCustomer(operator);
    String payee = api.createCustomer(operator);
    String from = api.openFundedAccount(operator, payer, "500.00");
    String to = api.openAccount(operator, payee, "EUR");

    var first =
        api.postTransaction(
            operator,
            UUID.randomUUID().toString(),
            ApiClient.movement("TRANSFER", from, "10.00", to));
    var second =
        api.postTransaction(
            operator,
            UUID.randomUUID().toString(),
            ApiClient.movement("WITHDRAWAL", from, "5.00", null));

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    TransactionRecorded transfer = awaitEvent(first.json().get("id").asString());
    TransactionRecorded withdrawal = awaitEvent(second.json().get("id").asString());
    assertThat(transfer.schemaVersion()).isEqualTo(2);
    assertThat(transfer.channel().deviceId()).isNull();
    assertThat(transfer.channel().deviceRef())
        .hasSize(64)
        .isEqualTo(withdrawal.channel().deviceRef())
        .isEqualTo(
            SubjectDataCipher.pseudonym(
                keyOf(payer), TransactionRecorded.DEVICE_PSEUDONYM, "device-1"));
    assertThat(transfer.channel().sealedDeviceId().subjectId()).isEqualTo(payer);
    assertThat(
            SubjectDataCipher.open(
                keyOf(payer),
                transfer.channel().sealedDeviceId(),
                TransactionRecorded.SEALED_DEVICE_ID))
        .isEqualTo("device-1");
    assertThat(transfer.counterparty().name()).isNull();
    assertThat(transfer.counterparty().customerId()).isEqualTo(payee);
    assertThat(
            SubjectDataCipher.open(
                keyOf(payee),
                transfer.counterparty().sealedName(),
                TransactionRecorded.SEALED_COUNTERPARTY_NAME))
        .isEqualTo("ACME Trading Ltd");
    assertThat(withdrawal.counterparty().name()).isEqualTo("ACME Trading Ltd");
    assertThat(
            jdbc.sql("select payload from outbox where payload like ?")
                .param("%" + transfer.transactionId() + "%")
                .query(String.class)
                .list())
        .hasSizeGreaterThanOrEqualTo(2) // the event and its audit record
        .allSatisfy(
            payload ->
                assertThat(payload).doesNotContain("device-1").doesNotContain("ACME Trading Ltd"));
  }

  @Test
  void givesACustomerRegisteredBeforeDataKeysExistedAKeyOnFirstUse() {
    String operator = api.token("demo-operator");
    UUID customer = UUID.randomUUID();
    jdbc.sql("insert into customers (id, name, email, country) values (?, 'Old Timer', ?, 'DE')")
        .params(customer, customer + "@example.test")
        .update();
    String account = api.openAccount(operator, customer.toString(), "EUR");

    var deposit =
        api.postTransaction(
            operator, UUID.randomUUID().toString(), ApiClient.deposit(account, "1.00"));

    assertThat(deposit.status()).isEqualTo(201);
    assertThat(keyOf(customer.toString())).hasSize(SubjectDataCipher.KEY_BYTES);
    assertThat(awaitEvent(deposit.json().get("id").asString()).channel().deviceRef()).hasSize(64);
  }

  @Test
  void neverGivesAnErasedSubjectANewKey() {
    String operator = api.token("demo-operator");
    String customer = api.createCustomer(operator);
    String account = api.openAccount(operator, customer, "EUR");
    jdbc.sql("delete from subject_keys where subject_id = ?::uuid").param(customer).update();
    jdbc.sql(
            "insert into erasure_ledger (subject_id, request_id, approved_by, erased_at)"
                + " values (?::uuid, ?, 'demo-approver', now())")
        .params(customer, UUID.randomUUID())
        .update();

    var deposit =
        api.postTransaction(
            operator, UUID.randomUUID().toString(), ApiClient.deposit(account, "1.00"));

    assertThat(deposit.status()).isEqualTo(201);
    assertThat(keys(customer)).isEmpty();
    TransactionRecorded event = awaitEvent(deposit.json().get("id").asString());
    assertThat(event.channel().deviceId()).isNull();
    assertThat(event.channel().deviceRef()).isNull();
    assertThat(event.channel().sealedDeviceId()).isNull();
  }

  private TransactionRecorded awaitEvent(String transactionId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(Topics.TRANSACTIONS).stream()
                    .filter(event -> event.transactionId().equals(transactionId))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private byte[] keyOf(String customer) {
    return keys(customer).getFirst();
  }

  private List<byte[]> keys(String customer) {
    return jdbc.sql("select kek_id, wrapped_key from subject_keys where subject_id = ?::uuid")
        .param(customer)
        .query(
            (rs, row) ->
                SubjectDataCipher.unwrap(LOCAL_KEK, rs.getString(1), customer, rs.getBytes(2)))
        .list();
  }
}
