package dev.flowlet.api.compliance;

import dev.flowlet.api.compliance.SearchedIndex.Filter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One checked search: all filters must hold (AND), newest first, {@code limit} hits a page.
 *
 * @param index what is searched
 * @param filters exact values by filter; absent filters are not in the map
 * @param from earliest time, inclusive, or null
 * @param to latest time, inclusive, or null
 * @param q free text, or null
 * @param limit hits per page
 * @param after where the page starts (exclusive), or null for the first page
 */
record SearchFilters(
    SearchedIndex index,
    Map<Filter, String> filters,
    Instant from,
    Instant to,
    String q,
    int limit,
    SearchCursor.Position after) {

  SearchFilters {
    filters = Map.copyOf(filters);
  }

  SearchFilters after(SearchCursor.Position position) {
    return new SearchFilters(index, filters, from, to, q, limit, position);
  }

  /**
   * Identifies what is searched, not the page: the index and every filter, each length-prefixed so
   * that no two different searches read alike. The page size may change between pages.
   */
  String fingerprint() {
    StringBuilder text = new StringBuilder(index.alias());
    for (Filter filter : Filter.values()) {
      append(text, filters.get(filter));
    }
    append(text, from == null ? null : from.toString());
    append(text, to == null ? null : to.toString());
    append(text, q);
    return text.toString();
  }

  private static void append(StringBuilder text, String value) {
    text.append('|');
    if (value == null) {
      text.append('-');
    } else {
      text.append(value.length()).append(':').append(value);
    }
  }

  /**
   * What the audit trail records of this search: the filters as given, except the free text, which
   * may be personal data: only its SHA-256 (hex, of its UTF-8 bytes) and its length in characters,
   * so that an auditor can confirm a suspected query by hashing it.
   */
  Map<String, String> auditDetails(int returned) {
    Map<String, String> details = new LinkedHashMap<>();
    filters.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(filter -> details.put(filter.getKey().parameter(), filter.getValue()));
    if (from != null) {
      details.put("from", from.toString());
    }
    if (to != null) {
      details.put("to", to.toString());
    }
    if (q != null) {
      details.put("qSha256", Sha256.hex(q));
      details.put("qLength", Integer.toString(q.codePointCount(0, q.length())));
    }
    details.put("limit", Integer.toString(limit));
    details.put("page", after == null ? "first" : "next");
    details.put("returned", Integer.toString(returned));
    return details;
  }

  /** The subject searched for, which the audit event names as its data subject. */
  String subject() {
    return filters.get(Filter.SUBJECT);
  }

  List<String> fieldsOf(Filter filter) {
    return index.fields().get(filter);
  }
}
