package dev.flowlet.batch.gdpr.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactionTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final Identifiers ada =
      Identifiers.of(" Ada Lovelace ", "Ada@Example.com", "+442071234567");

  @Test
  void replacesEveryStringNamingTheSubjectAndKeepsIdsAndNumbers() {
    JsonNode decision =
        json.readTree(
            """
            {"customerId":"c-1","score":70,
             "reasons":[{"rule":"X","detail":"Paid by ADA LOVELACE"},{"rule":"Y","detail":"ok"}],
             "contacts":["ada@example.com","someone else"]}
            """);

    boolean changed = RedactingElasticsearch.redact(decision, ada::foundIn);

    assertThat(changed).isTrue();
    assertThat(decision.path("customerId").asString()).isEqualTo("c-1");
    assertThat(decision.path("score").asInt()).isEqualTo(70);
    assertThat(decision.path("reasons").get(0).path("detail").asString()).isEqualTo("[erased]");
    assertThat(decision.path("reasons").get(1).path("detail").asString()).isEqualTo("ok");
    assertThat(decision.path("contacts").get(0).asString()).isEqualTo("[erased]");
    assertThat(decision.path("contacts").get(1).asString()).isEqualTo("someone else");
  }

  @Test
  void leavesADocumentWithoutTheSubjectUntouched() {
    JsonNode decision = json.readTree("{\"customerId\":\"c-1\",\"detail\":\"Amount over limit\"}");

    assertThat(RedactingElasticsearch.redact(decision, ada::foundIn)).isFalse();
  }

  @Test
  void hashesNormalisedValuesSoTheyCanBeMatchedWithoutTheClearValue() {
    assertThat(ada.hashes())
        .containsEntry("email", Identifiers.sha256("ada@example.com"))
        .containsEntry("name", Identifiers.sha256("ada lovelace"))
        .containsOnlyKeys("name", "email", "phone");
    assertThat(Identifiers.of("Ada", null, " ").hashes()).containsOnlyKeys("name");
    assertThat(ada.toString()).doesNotContain("Ada").doesNotContain("+44");
  }

  @Test
  void escapesIdentifiersIntoLiteralRegularExpressions() {
    String regex = ResidueScrubbing.regex("a.b+c@x.com");

    assertThat(Pattern.compile(regex).matcher("mail a.b+c@x.com now").find()).isTrue();
    assertThat(Pattern.compile(regex).matcher("aXb+c@x.com").find()).isFalse();
  }

  @Test
  void certificateHashChangesWithAnyMemberAndIgnoresMemberOrder() {
    ErasureCertificate certificate =
        new ErasureCertificate(
            "r",
            "s",
            "maker",
            "checker",
            "t0",
            "t1",
            "t2",
            false,
            true,
            Map.of("postgresql.customers", 1L),
            List.of(new ErasureCheck("postgresql", "customers.name", "name", "substring", 0)),
            0);
    JsonNode stored = json.readTree(certificate.toJson());
    JsonNode reordered =
        json.readTree(
            "{\"totalHits\":0," + stored.toString().substring(1).replace(",\"totalHits\":0", ""));

    assertThat(stored.path("sha256").asString())
        .isEqualTo(ErasureCertificate.sha256Of(stored))
        .isEqualTo(ErasureCertificate.sha256Of(reordered));
    ((tools.jackson.databind.node.ObjectNode) stored).put("approvedBy", "maker");
    assertThat(ErasureCertificate.sha256Of(stored)).isNotEqualTo(stored.path("sha256").asString());
  }
}
