package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/**
 * Data subject requests through the API: an export is received at once, an erasure waits for a
 * second person, a completed export is downloaded exactly once, and every step is audited. No
 * batch-jobs runs here: the test plays its part by completing the request row itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class PrivacyRequestApiIntegrationTest {

  private static final String REQUESTS = "/api/v1/privacy/requests";

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Path exportDir;
  private final int port;

  PrivacyRequestApiIntegrationTest(
      @LocalServerPort int port,
      JdbcClient jdbc,
      PasswordEncoder passwords,
      @Value("${flowlet.api.privacy.export-dir}") String exportDir) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.exportDir = Path.of(exportDir).toAbsolutePath().normalize();
    this.port = port;
  }

  @Test
  void anExportIsReceivedAtOnceAndItsArchiveDownloadedExactlyOnce() throws Exception {
    String officer = api.token("demo-officer");
    String subject = api.createCustomer(api.token("demo-operator"));

    ApiClient.Response filed = file(officer, subject, "EXPORT");
    ApiClient.Response again = file(officer, subject, "EXPORT");
    String id = filed.json().get("id").asString();
    JsonNode received = api.get(REQUESTS + "/" + id, api.token("demo-auditor")).json();
    ApiClient.Response early = api.get(REQUESTS + "/" + id + "/export", officer);

    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
    assertThat(received.get("type").asString()).isEqualTo("EXPORT");
    assertThat(received.get("requestedBy").asString()).isEqualTo("demo-officer");
    assertThat(
            Duration.between(
                Instant.parse(received.get("receivedAt").asString()),
                Instant.parse(received.get("dueAt").asString())))
        .isEqualTo(Duration.ofDays(30));
    assertThat(early.status()).isEqualTo(409);

    byte[] zip = completeWithArchive(id);
    HttpResponse<byte[]> first = download(officer, id);
    ApiClient.Response second = api.get(REQUESTS + "/" + id + "/export", officer);
    JsonNode completed = api.get(REQUESTS + "/" + id, officer).json();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo(zip);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(first.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment")
        .contains(".zip");
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
    assertThat(first.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
    assertThat(first.headers().firstValue("Digest"))
        .hasValue("SHA-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)));
    assertThat(second.status()).isEqualTo(410);
    assertThat(second.contentType()).startsWith("application/problem+json");
    assertThat(Files.exists(exportDir.resolve(id + ".zip"))).isFalse();
    assertThat(completed.get("archive").get("downloadedBy").asString()).isEqualTo("demo-officer");
    assertThat(completed.get("archive").get("available").asBoolean()).isFalse();
    assertThat(changes(id))
        .containsExactly("privacy.request.received", "privacy.export.downloaded");
  }

  @Test
  void anErasureRunsOnlyAfterAnotherPersonApprovesIt() {
    createStaffUser("privacy-both-hats", "COMPLIANCE_OFFICER,APPROVER");
    String both = api.token("privacy-both-hats");
    String approver = api.token("demo-approver");
    String subject = api.createCustomer(api.token("demo-operator"));

    String id = file(both, subject, "ERASURE").json().get("id").asString();
    String status = api.get(REQUESTS + "/" + id, both).json().get("status").asString();
    ApiClient.Response ownApproval = api.post(REQUESTS + "/" + id + "/approve", both, "{}");
    ApiClient.Response byOfficer =
        api.post(REQUESTS + "/" + id + "/approve", api.token("demo-officer"), "{}");
    ApiClient.Response approved = api.post(REQUESTS + "/" + id + "/approve", approver, "{}");
    ApiClient.Response twice = api.post(REQUESTS + "/" + id + "/approve", approver, "{}");
    ApiClient.Response rejectLate =
        api.post(REQUESTS + "/" + id + "/reject", approver, "{\"reason\":\"too late\"}");
    ApiClient.Response download = api.get(REQUESTS + "/" + id + "/export", both);

    assertThat(status).isEqualTo("AWAITING_APPROVAL");
    assertThat(ownApproval.status()).isEqualTo(403);
    assertThat(ownApproval.contentType()).startsWith("application/problem+json");
    assertThat(ownApproval.body()).contains("segregation-of-duties");
    assertThat(byOfficer.status()).as("officers hold no approver role").isEqualTo(403);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("RECEIVED");
    assertThat(approved.json().get("approvedBy").asString()).isEqualTo("demo-approver");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(rejectLate.status()).isEqualTo(409);
    assertThat(download.status()).isEqualTo(409);
    assertThat(changes(id))
        .containsExactly(
            "privacy.request.received", "privacy.request.approved", "privacy.request.approved");
    assertThat(
            jdbc.sql(
                    "select actor || ':' || outcome from audit_logs"
                        + " where resource_id = ? and action = 'privacy.request.approved'"
                        + " order by occurred_at")
                .param(id)
                .query(String.class)
                .list())
        .as("the refused self-approval is audited as a failure")
        .containsExactly("privacy-both-hats:FAILURE", "demo-approver:SUCCESS");
  }

  @Test
  void aRejectedErasureKeepsItsReasonAndFreesTheSubjectForANewRequest() {
    String officer = api.token("demo-officer");
    String approver = api.token("demo-approver");
    String subject = api.createCustomer(api.token("demo-operator"));
    String id = file(officer, subject, "ERASURE").json().get("id").asString();

    ApiClient.Response blank =
        api.post(REQUESTS + "/" + id + "/reject", approver, "{\"reason\":\" \"}");
    ApiClient.Response rejected =
        api.post(
            REQUESTS + "/" + id + "/reject",
            approver,
            "{\"reason\":\"retention period for AML records not over\"}");
    ApiClient.Response refiled = file(officer, subject, "ERASURE");
    JsonNode listed =
        api.get(REQUESTS + "?subjectId=" + subject + "&status=REJECTED", officer).json();

    assertThat(blank.status()).isEqualTo(400);
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
    assertThat(rejected.json().get("rejectedBy").asString()).isEqualTo("demo-approver");
    assertThat(rejected.json().get("rejectionReason").asString()).contains("retention");
    assertThat(refiled.status()).isEqualTo(201);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
    assertThat(changes(id)).containsExactly("privacy.request.received", "privacy.request.rejected");
  }

  @Test
  void auditsEveryReadAndListingOfRequestsWithTheReaderAndTheSubject() {
    String officer = api.token("demo-officer");
    String auditor = api.token("demo-auditor");
    String subject = api.createCustomer(api.token("demo-operator"));
    String id = file(officer, subject, "EXPORT").json().get("id").asString();

    ApiClient.Response read = api.get(REQUESTS + "/" + id, auditor);
    ApiClient.Response listed = api.get(REQUESTS + "?subjectId=" + subject, officer);
    ApiClient.Response listedAll = api.get(REQUESTS + "?limit=200", auditor);
    ApiClient.Response unknown = api.get(REQUESTS + "/" + UUID.randomUUID(), auditor);

    assertThat(read.status()).isEqualTo(200);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json()).hasSize(1);
    assertThat(listedAll.status()).isEqualTo(200);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(audited(read))
        .containsExactly("privacy.request.read demo-auditor AUDITOR SUCCESS " + id + " " + subject);
    assertThat(audited(listed))
        .containsExactly(
            "privacy.request.listed demo-officer COMPLIANCE_OFFICER SUCCESS - " + subject);
    assertThat(audited(unknown)).as("nothing was read").isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    select details->>'subjects' from audit_logs
                     where action = 'privacy.request.listed' and request_id = ?
                    """)
                .param(listedAll.header("X-Request-Id"))
                .query(String.class)
                .single())
        .as("a listing of many subjects names them all")
        .contains(subject);
  }

  @Test
  void refusesUnknownSubjectsTypesAndRequests() {
    String officer = api.token("demo-officer");

    ApiClient.Response unknownSubject = file(officer, UUID.randomUUID().toString(), "EXPORT");
    ApiClient.Response unknownType =
        api.post(
            REQUESTS,
            officer,
            "{\"subjectId\":\"%s\",\"type\":\"RECTIFY\"}".formatted(UUID.randomUUID()));
    ApiClient.Response unknownRequest = api.get(REQUESTS + "/" + UUID.randomUUID(), officer);
    ApiClient.Response badLimit = api.get(REQUESTS + "?limit=0", officer);

    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.contentType()).startsWith("application/problem+json");
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownRequest.status()).isEqualTo(404);
    assertThat(badLimit.status()).isEqualTo(422);
  }

  private ApiClient.Response file(String token, String subject, String type) {
    return api.post(
        REQUESTS, token, "{\"subjectId\":\"%s\",\"type\":\"%s\"}".formatted(subject, type));
  }

  /** What gdprExportJob leaves behind: the archive in the export folder and the row completed. */
  private byte[] completeWithArchive(String id) throws Exception {
    byte[] zip = ("PK fake archive of " + id).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(exportDir);
    Files.write(exportDir.resolve(id + ".zip"), zip);
    jdbc.sql(
            """
            update data_subject_requests set status = 'COMPLETED', completed_at = now(),
                archive_path = ?, archive_sha256 = ?, archive_bytes = ? where id = ?::uuid
            """)
        .params(
            id + ".zip",
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)),
            zip.length,
            id)
        .update();
    return zip;
  }

  private HttpResponse<byte[]> download(String token, String id)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + REQUESTS + "/" + id + "/export"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The audit records of one answered request: action, actor, role, outcome, resource, subject. */
  private List<String> audited(ApiClient.Response answer) {
    return jdbc.sql(
            """
            select action || ' ' || actor || ' ' || role || ' ' || outcome || ' '
                || coalesce(resource_id, '-') || ' ' || coalesce(subject_id, '-')
            from audit_logs where request_id = ?
            """)
        .param(answer.header("X-Request-Id"))
        .query(String.class)
        .list();
  }

  /** The audited changes of a request, oldest first (its reads are audited too, but not here). */
  private List<String> changes(String requestId) {
    return jdbc.sql(
            "select action from audit_logs where resource_type = 'privacy_request'"
                + " and resource_id = ? and action <> 'privacy.request.read' order by occurred_at")
        .param(requestId)
        .query(String.class)
        .list();
  }

  private void createStaffUser(String username, String roles) {
    jdbc.sql(
            "insert into staff_users (username, password_hash, roles) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(username, passwords.encode(ApiClient.DEMO_PASSWORD), roles)
        .update();
  }
}
