package dev.flowlet.api.compliance;

import dev.flowlet.api.compliance.SearchedIndex.Filter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the query parameters of a search. Every refusal names the parameter and what it
 * must be, never the value sent. An empty parameter ({@code actor=}) counts as absent, as forms
 * send them; an unknown or repeated parameter is refused rather than ignored, so that a misspelt
 * filter never widens a search silently.
 */
final class SearchRequestParameters {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_VALUE_LENGTH = 256;
  // Elasticsearch dates are epoch millis in a long; keep instants in years 1..9999.
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  private static final Set<String> KNOWN =
      Set.of("actor", "subject", "action", "resource", "from", "to", "q", "cursor", "limit");

  private SearchRequestParameters() {}

  /**
   * @param parameters the request's parameters as the servlet container decoded them
   * @throws BadSearchParameter for the first parameter that cannot be used
   */
  static SearchFilters read(SearchedIndex index, Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (!KNOWN.contains(parameter.getKey())) {
        throw new BadSearchParameter(
            nameOf(parameter.getKey()),
            "is not a parameter of this search; use " + String.join(", ", sorted()));
      }
      if (parameter.getValue().length > 1) {
        throw new BadSearchParameter(parameter.getKey(), "must be given at most once");
      }
    }
    Map<Filter, String> filters = new EnumMap<>(Filter.class);
    for (Filter filter : Filter.values()) {
      String value = value(parameters, filter.parameter());
      if (value == null) {
        continue;
      }
      if (!index.supports(filter)) {
        throw new BadSearchParameter(
            filter.parameter(), "does not apply to " + index.alias() + " (no such field)");
      }
      filters.put(filter, value);
    }
    Instant from = instant(parameters, "from");
    Instant to = instant(parameters, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadSearchParameter("from", "must not be after to");
    }
    String q = value(parameters, "q");
    int limit = limit(value(parameters, "limit"));
    SearchFilters search = new SearchFilters(index, filters, from, to, q, limit, null);
    String cursor = value(parameters, "cursor");
    return cursor == null
        ? search
        : search.after(SearchCursor.decode(cursor, search.fingerprint()));
  }

  private static String value(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    if (values == null || values.length == 0 || values[0].isEmpty()) {
      return null;
    }
    String value = values[0];
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new BadSearchParameter(name, "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new BadSearchParameter(name, "must not contain control characters");
    }
    return value;
  }

  private static Instant instant(Map<String, String[]> parameters, String name) {
    String value = value(parameters, name);
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadSearchParameter(
          name, "must be an ISO-8601 instant with an offset, such as 2026-11-26T10:15:30Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new BadSearchParameter(name, "must lie in the years 0001 to 9999");
    }
    return instant;
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadSearchParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
    return limit;
  }

  /** An unknown parameter's name, only when it is plainly a name (it is attacker-chosen text). */
  private static String nameOf(String name) {
    return name.matches("[A-Za-z0-9_.-]{1,40}") ? name : "(unknown parameter)";
  }

  private static List<String> sorted() {
    return KNOWN.stream().sorted().toList();
  }
}
