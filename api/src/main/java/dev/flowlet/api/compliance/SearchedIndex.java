package dev.flowlet.api.compliance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each search reads and how its filters map to the fields of the index templates in {@code
 * elastic/src/main/resources/elastic/index-templates}. Searches go through the read alias the
 * templates attach to every monthly index, never through one month's index.
 *
 * @param alias the read alias
 * @param timeField the date newest-first order and {@code from}/{@code to} use
 * @param idField the keyword holding the document's id: the tie-breaker of the order
 * @param fields for each filter, the keyword fields of which one must equal the value; a filter
 *     absent here does not apply to this index
 * @param textFields the fields {@code q} searches
 */
record SearchedIndex(
    String alias,
    String timeField,
    String idField,
    Map<Filter, List<String>> fields,
    List<String> textFields) {

  /** The exact-match filters a search accepts. */
  enum Filter {
    ACTOR,
    SUBJECT,
    ACTION,
    RESOURCE;

    String parameter() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Audit events: actor = {@code actor}, subject = {@code subjectId}, action = {@code action},
   * resource = {@code resourceType} or {@code resourceId}. The template maps no analysed text, so
   * {@code q} matches whole values of {@code action}, {@code resourceType}, {@code outcome} and any
   * {@code details} value.
   */
  static final SearchedIndex AUDIT =
      new SearchedIndex(
          "flowlet-audit",
          "occurredAt",
          "eventId",
          Map.of(
              Filter.ACTOR, List.of("actor"),
              Filter.SUBJECT, List.of("subjectId"),
              Filter.ACTION, List.of("action"),
              Filter.RESOURCE, List.of("resourceType", "resourceId")),
          List.of("action", "resourceType", "outcome", "details"));

  /**
   * Risk decisions, by decision time: subject = {@code customerId}, action = {@code outcome} or a
   * fired rule ({@code reasons.rule}), resource = {@code transactionId} or {@code accountId}; no
   * actor (the streams processor decides); {@code q} searches the reasons' words ({@code
   * reasons.detail}).
   */
  static final SearchedIndex DECISIONS =
      new SearchedIndex(
          "flowlet-decisions",
          "decidedAt",
          "decisionId",
          Map.of(
              Filter.SUBJECT, List.of("customerId"),
              Filter.ACTION, List.of("outcome", "reasons.rule"),
              Filter.RESOURCE, List.of("transactionId", "accountId")),
          List.of("reasons.detail"));

  /**
   * Alerts, by time raised: actor = the case's {@code assignee}, subject = {@code customerId},
   * action = {@code severity}, {@code status} or {@code rule}, resource = {@code transactionId} or
   * {@code accountId}; {@code q} searches the alert's {@code detail}.
   */
  static final SearchedIndex ALERTS =
      new SearchedIndex(
          "flowlet-alerts",
          "raisedAt",
          "alertId",
          Map.of(
              Filter.ACTOR, List.of("assignee"),
              Filter.SUBJECT, List.of("customerId"),
              Filter.ACTION, List.of("severity", "status", "rule"),
              Filter.RESOURCE, List.of("transactionId", "accountId")),
          List.of("detail"));

  boolean supports(Filter filter) {
    return fields.containsKey(filter);
  }
}
