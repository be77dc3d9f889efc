package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.RiskDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events serialised by {@code EventJson}, indexed the way the sink does (monthly index, event id as
 * document id), land with the shipped mappings and are found through the read aliases.
 */
class MonthlyIndicesIntegrationTest {

  private static final String AUDIT_INDEX = "flowlet-audit-2026.11";
  private static final String DECISIONS_INDEX = "flowlet-decisions-2026.11";
  private static final String ALERTS_INDEX = "flowlet-alerts-2026.11";

  @BeforeAll
  static void installOnAClusterWithoutTheseMonths() {
    TestCluster.delete("/" + AUDIT_INDEX);
    TestCluster.delete("/" + DECISIONS_INDEX);
    TestCluster.delete("/" + ALERTS_INDEX);
    ElasticAssets.defaults().install(TestCluster.client());
  }

  @Test
  void auditEventGetsKeywordIdsADateAndItsMonthJoinsTheReadAlias() {
    AuditEvent event = Events.cardholderDataRead();

    index(AUDIT_INDEX, event.eventId(), Events.chainedJson(event));

    JsonNode properties = mapping(AUDIT_INDEX);
    assertThat(properties.at("/actor/type").asString()).isEqualTo("keyword");
    assertThat(properties.at("/action/type").asString()).isEqualTo("keyword");
    assertThat(properties.at("/occurredAt/type").asString()).isEqualTo("date");
    assertThat(properties.at("/sequence/type").asString()).isEqualTo("long");
    assertThat(properties.at("/details/type").asString()).isEqualTo("flattened");
    assertThat(properties.at("/sourceIp/type").asString()).isEqualTo("ip");
    JsonNode hits =
        search(
                "flowlet-audit",
                "{\"bool\":{\"filter\":[{\"term\":{\"action\":\"cardholder_data.read\"}},"
                    + "{\"term\":{\"eventId\":\""
                    + event.eventId()
                    + "\"}}]}}")
            .path("hits");
    assertThat(hits.path("total").path("value").asInt()).isEqualTo(1);
    assertThat(hits.path("hits").get(0).path("_id").asString()).isEqualTo(event.eventId());
    assertThat(hits.path("hits").get(0).path("_index").asString()).isEqualTo(AUDIT_INDEX);
  }

  @Test
  void auditDetailsAreSearchableByKeyWithoutGrowingTheMapping() {
    AuditEvent event = Events.cardholderDataRead();
    index(AUDIT_INDEX, event.eventId(), Events.chainedJson(event));

    JsonNode hits =
        search("flowlet-audit", "{\"term\":{\"details.ticket\":\"CASE-881\"}}").path("hits");

    assertThat(hits.path("total").path("value").asInt()).isEqualTo(1);
    assertThat(mapping(AUDIT_INDEX).path("details").has("properties")).isFalse();
  }

  @Test
  void auditRejectsAFieldNobodyMapped() {
    ObjectNode json = Events.chainedJson(Events.cardholderDataRead());
    json.put("cardNumber", "4111111111111111");

    ClusterHttp.Reply reply =
        TestCluster.put("/" + AUDIT_INDEX + "/_doc/audit-with-unknown-field", json.toString());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("strict_dynamic_mapping_exception");
    assertThat(TestCluster.get("/" + AUDIT_INDEX + "/_doc/audit-with-unknown-field").status())
        .isEqualTo(404);
  }

  @Test
  void auditKeepsAnEventWhoseSourceAddressIsNotAnIp() {
    ObjectNode json = Events.chainedJson(Events.cardholderDataRead());
    json.put("eventId", "audit-odd-ip");
    json.put("sourceIp", "unknown");
    json.putObject("details");

    ClusterHttp.Reply reply =
        TestCluster.put("/" + AUDIT_INDEX + "/_doc/audit-odd-ip", json.toString());

    assertThat(reply.status()).as(reply.describe()).isEqualTo(201);
  }

  @Test
  void decisionKeepsAnUnknownFieldInItsSourceWithoutIndexingIt() {
    RiskDecision decision = Events.heldTransfer();
    ObjectNode json = Events.json(decision);
    json.put("fieldAddedLater", "kept");

    index(DECISIONS_INDEX, decision.decisionId(), json);

    JsonNode properties = mapping(DECISIONS_INDEX);
    assertThat(properties.has("fieldAddedLater")).isFalse();
    assertThat(properties.at("/reasons/properties/detail/type").asString()).isEqualTo("text");
    assertThat(properties.at("/reasons/properties/detail/fields/keyword/type").asString())
        .isEqualTo("keyword");
    assertThat(properties.at("/ruleVersions/properties/LARGE_AMOUNT/type").asString())
        .isEqualTo("long");
    assertThat(properties.at("/decidedAt/type").asString()).isEqualTo("date");
    JsonNode source =
        TestCluster.getJson("/" + DECISIONS_INDEX + "/_doc/" + decision.decisionId())
            .path("_source");
    assertThat(source.path("fieldAddedLater").asString()).isEqualTo("kept");
    assertThat(
            search("flowlet-decisions", "{\"range\":{\"ruleVersions.LARGE_AMOUNT\":{\"gte\":3}}}")
                .at("/hits/total/value")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void alertCaseStateIsMappedForOpenAlertSearches() {
    Alert alert = Events.largeAmountAlert();

    index(ALERTS_INDEX, alert.alertId(), Events.withCase(alert));

    JsonNode properties = mapping(ALERTS_INDEX);
    assertThat(properties.at("/severity/type").asString()).isEqualTo("keyword");
    assertThat(properties.at("/status/type").asString()).isEqualTo("keyword");
    assertThat(properties.at("/updatedAt/type").asString()).isEqualTo("date");
    assertThat(properties.at("/raisedAt/type").asString()).isEqualTo("date");
    assertThat(
            search("flowlet-alerts", "{\"match\":{\"detail\":\"above limit\"}}")
                .at("/hits/total/value")
                .asInt())
        .isEqualTo(1);
  }

  private static void index(String index, String id, ObjectNode json) {
    ClusterHttp.Reply reply =
        TestCluster.put("/" + index + "/_doc/" + id + "?refresh=true", json.toString());
    assertThat(reply.ok()).as(reply.describe()).isTrue();
  }

  private static JsonNode mapping(String index) {
    return TestCluster.getJson("/" + index + "/_mapping").at("/" + index + "/mappings/properties");
  }

  private static JsonNode search(String alias, String query) {
    return TestCluster.post("/" + alias + "/_search", "{\"query\":" + query + "}");
  }
}
