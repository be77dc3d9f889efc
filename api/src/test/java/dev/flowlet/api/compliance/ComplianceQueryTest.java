package dev.flowlet.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import dev.flowlet.api.compliance.SearchedIndex.Filter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ComplianceQueryTest {

  private static final String INJECTION = "\"}},{\"match_all\":{}}]} OR 1=1 --";

  @Test
  void searchesTheAliasNewestFirstWithTheIdAsTieBreaker() {
    JsonNode request = json(search(SearchedIndex.AUDIT, Map.of(), null, 20, null));

    assertThat(request.at("/size").asInt()).isEqualTo(21);
    assertThat(request.at("/track_total_hits").asBoolean()).isFalse();
    assertThat(request.at("/sort/0/occurredAt/order").asString()).isEqualTo("desc");
    assertThat(request.at("/sort/1/eventId/order").asString()).isEqualTo("desc");
    assertThat(request.has("search_after")).isFalse();
    assertThat(request.has("from")).isFalse();
  }

  @Test
  void continuesAfterTheCursorPosition() {
    JsonNode request =
        json(
            search(
                SearchedIndex.ALERTS,
                Map.of(),
                null,
                5,
                new SearchCursor.Position(1_764_150_000_123L, "alert-9")));

    assertThat(request.at("/search_after/0").asLong()).isEqualTo(1_764_150_000_123L);
    assertThat(request.at("/search_after/1").asString()).isEqualTo("alert-9");
    assertThat(request.at("/sort/0/raisedAt/order").asString()).isEqualTo("desc");
  }

  @Test
  void keepsAnInjectionStringOneExactTermValue() {
    JsonNode request =
        json(search(SearchedIndex.AUDIT, Map.of(Filter.ACTOR, INJECTION), null, 50, null));

    JsonNode filters = request.at("/query/bool/filter");
    assertThat(filters.size()).isEqualTo(1);
    assertThat(filters.at("/0/term/actor/value").asString()).isEqualTo(INJECTION);
    assertThat(request.at("/query/bool").has("should")).isFalse();
  }

  @Test
  void matchesAFilterWithSeveralFieldsOnAnyOfThem() {
    JsonNode request =
        json(search(SearchedIndex.DECISIONS, Map.of(Filter.RESOURCE, "tx-1"), null, 50, null));

    JsonNode any = request.at("/query/bool/filter/0/bool");
    assertThat(any.at("/minimum_should_match").asString()).isEqualTo("1");
    assertThat(any.at("/should/0/term/transactionId/value").asString()).isEqualTo("tx-1");
    assertThat(any.at("/should/1/term/accountId/value").asString()).isEqualTo("tx-1");
  }

  @Test
  void searchesFreeTextLenientlyOnTheTextFieldsOnly() {
    JsonNode request = json(search(SearchedIndex.DECISIONS, Map.of(), "velocity AND (", 50, null));

    JsonNode text = request.at("/query/bool/must/0/simple_query_string");
    assertThat(text.at("/query").asString()).isEqualTo("velocity AND (");
    assertThat(text.at("/fields/0").asString()).isEqualTo("reasons.detail");
    assertThat(text.at("/fields").size()).isEqualTo(1);
    assertThat(text.at("/lenient").asBoolean()).isTrue();
  }

  @Test
  void boundsTheTimeFieldInclusively() {
    SearchFilters search =
        new SearchFilters(
            SearchedIndex.DECISIONS,
            Map.of(),
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-02T00:00:00Z"),
            null,
            50,
            null);

    JsonNode range = json(search).at("/query/bool/filter/0/range/decidedAt");

    assertThat(range.at("/gte").asString()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(range.at("/lte").asString()).isEqualTo("2026-11-02T00:00:00Z");
  }

  private static SearchFilters search(
      SearchedIndex index,
      Map<Filter, String> filters,
      String q,
      int limit,
      SearchCursor.Position after) {
    return new SearchFilters(index, filters, null, null, q, limit, after);
  }

  private static JsonNode json(SearchFilters search) {
    String text = JsonpUtils.toJsonString(ComplianceQuery.of(search), new Jackson3JsonpMapper());
    return JsonMapper.builder().build().readTree(text);
  }
}
