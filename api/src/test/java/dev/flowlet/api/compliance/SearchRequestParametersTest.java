package dev.flowlet.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.api.compliance.SearchedIndex.Filter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRequestParametersTest {

  @Test
  void readsEveryFilterAndDefaultsTheLimitTo50() {
    SearchFilters search =
        read(
            SearchedIndex.AUDIT,
            "actor",
            "demo-officer",
            "subject",
            "c-1",
            "action",
            "customer.created",
            "resource",
            "customer",
            "from",
            "2026-11-01T00:00:00Z",
            "to",
            "2026-11-26T10:15:30+01:00",
            "q",
            "created");

    assertThat(search.filters())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Filter.ACTOR, "demo-officer",
                Filter.SUBJECT, "c-1",
                Filter.ACTION, "customer.created",
                Filter.RESOURCE, "customer"));
    assertThat(search.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(search.to()).isEqualTo(Instant.parse("2026-11-26T09:15:30Z"));
    assertThat(search.q()).isEqualTo("created");
    assertThat(search.limit()).isEqualTo(50);
    assertThat(search.after()).isNull();
  }

  @Test
  void treatsEmptyParametersAsAbsent() {
    SearchFilters search = read(SearchedIndex.AUDIT, "actor", "", "q", "", "limit", "");

    assertThat(search.filters()).isEmpty();
    assertThat(search.q()).isNull();
    assertThat(search.limit()).isEqualTo(50);
  }

  @Test
  void refusesLimitsOutsideOneTo200() {
    assertRefused("limit", SearchedIndex.AUDIT, "limit", "0");
    assertRefused("limit", SearchedIndex.AUDIT, "limit", "201");
    assertRefused("limit", SearchedIndex.AUDIT, "limit", "-1");
    assertRefused("limit", SearchedIndex.AUDIT, "limit", "1e2");
    assertRefused("limit", SearchedIndex.AUDIT, "limit", "99999999999999999999");
    assertThat(read(SearchedIndex.AUDIT, "limit", "200").limit()).isEqualTo(200);
    assertThat(read(SearchedIndex.AUDIT, "limit", "1").limit()).isEqualTo(1);
  }

  @Test
  void refusesAStartAfterTheEnd() {
    assertRefused(
        "from", SearchedIndex.AUDIT, "from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z");
    assertThat(
            read(SearchedIndex.AUDIT, "from", "2026-11-01T00:00:00Z", "to", "2026-11-01T00:00:00Z")
                .from())
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void refusesInstantsThatAreNotIso8601WithAnOffset() {
    assertRefused("from", SearchedIndex.AUDIT, "from", "yesterday");
    assertRefused("from", SearchedIndex.AUDIT, "from", "2026-11-01");
    assertRefused("to", SearchedIndex.AUDIT, "to", "2026-11-01T00:00:00");
    assertRefused("to", SearchedIndex.AUDIT, "to", "1764150000");
    assertRefused("to", SearchedIndex.AUDIT, "to", "+20000-01-01T00:00:00Z");
  }

  @Test
  void refusesAFilterTheIndexHasNoFieldFor() {
    assertRefused("actor", SearchedIndex.DECISIONS, "actor", "demo-officer");
    assertThat(read(SearchedIndex.ALERTS, "actor", "demo-officer").filters())
        .containsEntry(Filter.ACTOR, "demo-officer");
  }

  @Test
  void refusesUnknownAndRepeatedParameters() {
    assertRefused("subjet", SearchedIndex.AUDIT, "subjet", "c-1");
    assertRefused("(unknown parameter)", SearchedIndex.AUDIT, "a' OR '1'='1", "x");
    Map<String, String[]> repeated = Map.of("actor", new String[] {"a", "b"});
    assertThatThrownBy(() -> SearchRequestParameters.read(SearchedIndex.AUDIT, repeated))
        .isInstanceOfSatisfying(
            BadSearchParameter.class, e -> assertThat(e.parameter()).isEqualTo("actor"));
  }

  @Test
  void refusesControlCharactersAndOverlongValues() {
    assertRefused("actor", SearchedIndex.AUDIT, "actor", "demo\u0000officer");
    assertRefused("q", SearchedIndex.AUDIT, "q", "a\nb");
    assertRefused("subject", SearchedIndex.AUDIT, "subject", "x".repeat(257));
  }

  @Test
  void neverRepeatsTheRefusedValueInTheMessage() {
    String secret = "4111111111111111";
    for (String parameter : new String[] {"from", "to", "limit", "cursor"}) {
      assertThatThrownBy(() -> read(SearchedIndex.AUDIT, parameter, secret))
          .isInstanceOf(BadSearchParameter.class)
          .message()
          .doesNotContain(secret);
    }
  }

  @Test
  void recordsTheFreeTextOnlyAsItsHashAndLength() {
    SearchFilters search = read(SearchedIndex.DECISIONS, "subject", "c-1", "q", "Ada Lovelace");

    Map<String, String> details = search.auditDetails(3);

    assertThat(details)
        .containsEntry("subject", "c-1")
        // printf 'Ada Lovelace' | sha256sum
        .containsEntry(
            "qSha256", "76740216171591903cdbd18fbc770df447c5b1671005ca0020922a465bba0172")
        .containsEntry("qLength", "12")
        .containsEntry("returned", "3")
        .doesNotContainKey("q");
    assertThat(details.values()).noneMatch(value -> value.contains("Lovelace"));
  }

  private static SearchFilters read(SearchedIndex index, String... pairs) {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], new String[] {pairs[i + 1]});
    }
    return SearchRequestParameters.read(index, parameters);
  }

  private static void assertRefused(String parameter, SearchedIndex index, String... pairs) {
    assertThatThrownBy(() -> read(index, pairs))
        .isInstanceOfSatisfying(
            BadSearchParameter.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
  }
}
