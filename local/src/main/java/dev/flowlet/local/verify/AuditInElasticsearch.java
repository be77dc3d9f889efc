package dev.flowlet.local.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code audit_logs} row is in {@code flowlet-audit-*} exactly once, by id. Documents of
 * other chains (the streams processor's decisions, job runs) have no row by design; a document of
 * the API's chain without a row is an orphan.
 */
final class AuditInElasticsearch implements Check {

  /** The chain the API writes to {@code audit_logs}. */
  static final String API_CHAIN = "api";

  @Override
  public String name() {
    return "audit records in Elasticsearch";
  }

  @Override
  public CheckResult run(VerifyContext context) {
    VerifySettings settings = context.settings();
    List<String> rows =
        context.strings(
            "select id::text from audit_logs where occurred_at >= ? and occurred_at < ?",
            settings.from(),
            settings.to());
    Set<String> inDatabase = new HashSet<>(rows);
    Map<String, Integer> documents = new HashMap<>();
    Set<String> apiChainWithoutRow = new HashSet<>();
    context
        .elasticsearch()
        .scan(
            "flowlet-audit-*",
            ElasticsearchScan.range("occurredAt", settings.from(), settings.to()),
            new String[] {"chainId"},
            (id, source) -> {
              if (inDatabase.contains(id)) {
                documents.merge(id, 1, Integer::sum);
              } else if (API_CHAIN.equals(source.path("chainId").asString(""))) {
                apiChainWithoutRow.add(id);
              }
            });
    long missing = inDatabase.stream().filter(id -> !documents.containsKey(id)).count();
    long duplicated = documents.values().stream().filter(count -> count > 1).count();
    apiChainWithoutRow.removeAll(context.existing("audit_logs", apiChainWithoutRow));
    return CheckResult.counted(
        name(), inDatabase.size(), missing, duplicated, apiChainWithoutRow.size(), "");
  }
}
