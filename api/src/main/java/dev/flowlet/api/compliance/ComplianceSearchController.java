package dev.flowlet.api.compliance;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.compliance.ComplianceSearch.SearchPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/compliance/{audit,decisions,alerts}}: what Elasticsearch holds, for compliance
 * officers and auditors. Kibana access is not audited by Elasticsearch's free tier; this API is:
 * every search, refused or failed ones included, writes an audit event naming the searcher and the
 * filters (the free text only as a hash).
 */
@RestController
@RequestMapping("/api/v1/compliance")
class ComplianceSearchController {

  static final String AUDITED_ACTION = "compliance.search";

  private static final String PAGING =
      " All filters must hold. Newest first, `limit` per page (default 50, at most 200); pass the"
          + " page's `next` as `cursor`, with the same filters, for the following page (`next` is"
          + " null on the last). Answers `{\"items\":[documents as indexed, each with its"
          + " \"id\"],\"next\"}`. A bad parameter is a 400 problem naming it; Elasticsearch"
          + " unavailable is a 503 with Retry-After.";

  private final ComplianceSearch search;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  ComplianceSearchController(
      ComplianceSearch search, AuditTrail audit, TransactionTemplate transactions) {
    this.search = search;
    this.audit = audit;
    this.transactions = transactions;
  }

  @GetMapping("/audit")
  @Operation(
      summary = "Search the audit trail",
      description =
          "Alias flowlet-audit, by occurredAt. actor = actor, subject = subjectId, action = action,"
              + " resource = resourceType or resourceId (exact values). q matches whole values of"
              + " action, resourceType, outcome and details (the audit mapping has no analysed"
              + " text)."
              + PAGING)
  @SearchParameters
  SearchPage audit(Authentication user, HttpServletRequest request) {
    return search(SearchedIndex.AUDIT, user, request);
  }

  @GetMapping("/decisions")
  @Operation(
      summary = "Search risk decisions",
      description =
          "Alias flowlet-decisions, by decidedAt. subject = customerId, action = outcome or a"
              + " fired rule (reasons.rule), resource = transactionId or accountId (exact values)."
              + " actor does not apply (400): the streams processor decides. q searches the words"
              + " of the reasons (reasons.detail)."
              + PAGING)
  @SearchParameters
  SearchPage decisions(Authentication user, HttpServletRequest request) {
    return search(SearchedIndex.DECISIONS, user, request);
  }

  @GetMapping("/alerts")
  @Operation(
      summary = "Search alerts",
      description =
          "Alias flowlet-alerts, by raisedAt. actor = the case's assignee, subject = customerId,"
              + " action = severity, status or rule, resource = transactionId or accountId (exact"
              + " values). q searches the words of the alert's detail."
              + PAGING)
  @SearchParameters
  SearchPage alerts(Authentication user, HttpServletRequest request) {
    return search(SearchedIndex.ALERTS, user, request);
  }

  private SearchPage search(SearchedIndex index, Authentication user, HttpServletRequest request) {
    Actor actor = Actor.of(user, request);
    SearchFilters filters;
    try {
      filters = SearchRequestParameters.read(index, request.getParameterMap());
    } catch (BadSearchParameter e) {
      record(actor, index, null, Outcome.FAILURE, Map.of("rejected", e.parameter()));
      throw e;
    }
    SearchPage page;
    try {
      page = search.search(filters);
    } catch (BadSearchParameter e) {
      record(actor, index, filters.subject(), Outcome.FAILURE, Map.of("rejected", e.parameter()));
      throw e;
    } catch (SearchUnavailable e) {
      Map<String, String> details = new LinkedHashMap<>(filters.auditDetails(0));
      details.put("error", "elasticsearch-unavailable");
      record(actor, index, filters.subject(), Outcome.FAILURE, details);
      throw e;
    }
    record(
        actor,
        index,
        filters.subject(),
        Outcome.SUCCESS,
        filters.auditDetails(page.items().size()));
    return page;
  }

  private void record(
      Actor actor,
      SearchedIndex index,
      String subject,
      Outcome outcome,
      Map<String, String> details) {
    transactions.executeWithoutResult(
        status ->
            audit.record(actor, AUDITED_ACTION, index.alias(), null, subject, outcome, details));
  }

  /** The query parameters every search takes, for the OpenAPI document. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @Parameter(
      name = "actor",
      in = ParameterIn.QUERY,
      description = "Exact user or component that acted (audit) or assignee (alerts)")
  @Parameter(
      name = "subject",
      in = ParameterIn.QUERY,
      description = "Exact data subject: subjectId (audit) or customerId")
  @Parameter(name = "action", in = ParameterIn.QUERY, description = "Exact action, see above")
  @Parameter(name = "resource", in = ParameterIn.QUERY, description = "Exact resource, see above")
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      description =
          "Earliest time, inclusive: ISO-8601 instant with offset, e.g. 2026-11-26T10:15:30Z")
  @Parameter(
      name = "to",
      in = ParameterIn.QUERY,
      description = "Latest time, inclusive: ISO-8601 instant with offset; not before from")
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      description =
          "Free text (simple_query_string: words, \"phrases\", -exclusions, prefix*); bad syntax"
              + " never fails. Audited only as SHA-256 and length.")
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      description = "The next value of the previous page, sent with the same filters")
  @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 200, default 50")
  @interface SearchParameters {}
}
