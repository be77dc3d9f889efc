package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplateMappingsTest {

  @Test
  void mapsEveryFieldOfAChainedAuditEventSoTheStrictIndexAcceptsIt() {
    assertEveryLeafMapped(Events.chainedJson(Events.cardholderDataRead()), "flowlet-audit");
  }

  @Test
  void mapsEveryFieldOfARiskDecision() {
    assertEveryLeafMapped(Events.json(Events.heldTransfer()), "flowlet-decisions");
  }

  @Test
  void mapsEveryFieldOfAnAlertAndItsCaseState() {
    assertEveryLeafMapped(Events.withCase(Events.largeAmountAlert()), "flowlet-alerts");
  }

  @Test
  void rejectsUnknownAuditFieldsButKeepsUnknownDecisionAndAlertFieldsUnindexed() {
    assertThat(ShippedTemplates.fieldsOf("flowlet-audit").dynamic()).isEqualTo("strict");
    assertThat(ShippedTemplates.fieldsOf("flowlet-decisions").dynamic()).isEqualTo("false");
    assertThat(ShippedTemplates.fieldsOf("flowlet-alerts").dynamic()).isEqualTo("false");
  }

  @Test
  void mapsIdsActionsAndRulesAsKeywordsForExactSearch() {
    MappedFields audit = ShippedTemplates.fieldsOf("flowlet-audit");
    for (String field :
        List.of(
            "eventId", "chainId", "actor", "role", "action", "resourceId", "subjectId", "hash")) {
      assertThat(audit.typeOf(field)).as(field).hasValue("keyword");
    }
    MappedFields decisions = ShippedTemplates.fieldsOf("flowlet-decisions");
    assertThat(decisions.typeOf("transactionId")).hasValue("keyword");
    assertThat(decisions.typeOf("reasons.rule")).hasValue("keyword");
    assertThat(ShippedTemplates.fieldsOf("flowlet-alerts").typeOf("rule")).hasValue("keyword");
  }

  @Test
  void mapsDetailsAsTextWithAKeywordForSortingAndAggregating() {
    for (var field :
        Map.of("flowlet-alerts", "detail", "flowlet-decisions", "reasons.detail").entrySet()) {
      MappedFields fields = ShippedTemplates.fieldsOf(field.getKey());
      assertThat(fields.typeOf(field.getValue())).hasValue("text");
      assertThat(fields.typeOf(field.getValue() + ".keyword")).hasValue("keyword");
    }
  }

  @Test
  void mapsEveryTimeAsADate() {
    assertThat(ShippedTemplates.fieldsOf("flowlet-audit").typeOf("occurredAt")).hasValue("date");
    MappedFields decisions = ShippedTemplates.fieldsOf("flowlet-decisions");
    assertThat(decisions.typeOf("occurredAt")).hasValue("date");
    assertThat(decisions.typeOf("decidedAt")).hasValue("date");
    MappedFields alerts = ShippedTemplates.fieldsOf("flowlet-alerts");
    assertThat(alerts.typeOf("raisedAt")).hasValue("date");
    assertThat(alerts.typeOf("updatedAt")).hasValue("date");
  }

  @Test
  void neverMapsAnyFieldAsAFloatingPointOrScaledNumber() {
    for (String template : ShippedTemplates.INDEX_TEMPLATES) {
      assertThat(ShippedTemplates.fieldsOf(template).all().values())
          .as(template)
          .doesNotContain("float", "double", "half_float", "scaled_float");
    }
  }

  @Test
  void givesEveryIndexOneShardAndItsReadAlias() {
    JsonNode settings =
        ShippedTemplates.componentTemplate("flowlet-settings").at("/template/settings/index");
    assertThat(settings.path("number_of_shards").asInt()).isEqualTo(1);
    ShippedTemplates.aliases()
        .forEach(
            (template, alias) -> {
              JsonNode body = ShippedTemplates.indexTemplate(template);
              assertThat(body.path("composed_of").toString()).contains("flowlet-settings");
              assertThat(body.at("/template/aliases").has(alias)).as(template).isTrue();
              assertThat(body.path("index_patterns").get(0).asString()).isEqualTo(template + "-*");
            });
  }

  private static void assertEveryLeafMapped(JsonNode document, String template) {
    MappedFields fields = ShippedTemplates.fieldsOf(template);
    List<String> leaves = new ArrayList<>();
    collectLeaves("", document, leaves);

    assertThat(leaves).isNotEmpty();
    assertThat(leaves)
        .as("fields of the event that %s does not map", template)
        .allSatisfy(path -> assertThat(fields.typeOf(path)).as(path).isPresent());
  }

  private static void collectLeaves(String path, JsonNode node, List<String> leaves) {
    if (node.isObject()) {
      for (var property : node.properties()) {
        String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
        collectLeaves(child, property.getValue(), leaves);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectLeaves(path, element, leaves));
    } else {
      leaves.add(path);
    }
  }
}
