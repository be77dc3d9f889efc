package dev.flowlet.batch.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.imports.ImportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * File parameters that try to make a job read outside the import folder: {@code ..}, absolute paths
 * elsewhere, a sibling folder whose name merely starts like the import folder's, links inside it to
 * a file or a folder outside, URLs and NUL bytes. Each is refused with a 422 problem naming the
 * parameter; no job execution is created, and the secret in the file outside appears nowhere in the
 * answer.
 */
@BatchJobsTest
class JobFileParameterAttackTest {

  private static final String HEADER =
      "statement_ref,value_date,amount,currency,counterparty,transaction_id,description\n";

  private final JobsClient jobs;
  private final Ledger ledger;
  private final ImportFolder imports;
  private final JdbcClient jdbc;

  JobFileParameterAttackTest(
      @LocalServerPort int port, JdbcClient jdbc, JdbcTemplate jdbcTemplate, ImportFolder imports) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.imports = imports;
    this.jdbc = jdbc;
  }

  @Test
  void refusesEveryFileParameterThatLeadsOutOfTheImportFolderAndReadsNothing() throws IOException {
    String secret = "SECRET-" + UUID.randomUUID();
    Path outsideFolder = Files.createTempDirectory("flowlet-outside");
    Path outside =
        Files.writeString(outsideFolder.resolve("statement.csv"), HEADER + secret + "\n");
    Path root = imports.root();
    Path sibling = Files.createDirectories(root.resolveSibling(root.getFileName() + "-evil"));
    Path siblingFile = Files.writeString(sibling.resolve("statement.csv"), HEADER);
    Path linkToFile = root.resolve("link-" + UUID.randomUUID() + ".csv");
    Files.createSymbolicLink(linkToFile, outside);
    Path linkToFolder = root.resolve("folder-link-" + UUID.randomUUID());
    Files.createSymbolicLink(linkToFolder, outsideFolder);
    Path chainedLink = root.resolve("chained-" + UUID.randomUUID() + ".csv");
    Files.createSymbolicLink(chainedLink, linkToFile);
    Path inside = Files.writeString(root.resolve("inside-" + UUID.randomUUID() + ".csv"), HEADER);
    UUID account = ledger.account("Traversal Target");

    Map<String, String> attacks = new LinkedHashMap<>();
    attacks.put("../ out of the folder", root + "/../../../../../../" + outside);
    attacks.put("../ to a sibling", root + "/../" + sibling.getFileName() + "/statement.csv");
    attacks.put("absolute path elsewhere", outside.toString());
    attacks.put("/etc/passwd", "/etc/passwd");
    attacks.put("double slash root", "//etc/passwd");
    attacks.put("sibling folder named like the import folder", siblingFile.toString());
    attacks.put("link inside to a file outside", linkToFile.toString());
    attacks.put("link to a link to a file outside", chainedLink.toString());
    attacks.put(
        "link inside to a folder outside", linkToFolder.resolve("statement.csv").toString());
    attacks.put("file: URL", "file://" + outside);
    attacks.put("file: URL of a file inside", inside.toUri().toString());
    attacks.put("http: URL", "http://127.0.0.1:1/statement.csv");
    attacks.put("NUL byte", inside + "\u0000.txt");
    attacks.put("NUL byte before ../", root + "/x\u0000/../../" + outside);
    attacks.put("relative ../", "../../../../" + outside);
    attacks.put("backslashes", root + "\\..\\..\\" + outside.getFileName());
    attacks.put("the folder itself", root.toString());

    long executions = executions();
    SoftAssertions softly = new SoftAssertions();
    attacks.forEach(
        (attack, file) -> {
          JobsClient.Response refused =
              jobs.start(
                  Tokens.of("OPERATOR"),
                  "reconciliationJob",
                  Map.of("file", file, "accountId", account.toString()));
          softly.assertThat(refused.status()).as(attack + ": " + refused.body()).isEqualTo(422);
          softly
              .assertThat(refused.contentType())
              .as(attack)
              .startsWith("application/problem+json");
          softly.assertThat(fileError(refused)).as(attack).isNotNull();
          softly.assertThat(refused.body()).as(attack).doesNotContain(secret);
        });
    softly.assertThat(executions()).as("job executions").isEqualTo(executions);
    softly.assertAll();

    JobsClient.Response accepted =
        jobs.start(
            Tokens.of("OPERATOR"),
            "reconciliationJob",
            Map.of("file", inside.toString(), "accountId", account.toString()));
    assertThat(accepted.status()).as("the same request with a file inside").isEqualTo(202);
    jobs.finished(Tokens.of("OPERATOR"), accepted.json().get("executionId").asLong());
  }

  private static String fileError(JobsClient.Response refused) {
    for (JsonNode error : refused.json().path("errors")) {
      if (error.path("field").asString().equals("file")) {
        return error.path("message").asString();
      }
    }
    return null;
  }

  private long executions() {
    return jdbc.sql("select count(*) from batch.batch_job_execution").query(Long.class).single();
  }
}
