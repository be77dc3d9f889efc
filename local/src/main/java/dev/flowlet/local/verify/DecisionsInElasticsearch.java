package dev.flowlet.local.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every committed transaction has exactly one decision document in {@code flowlet-decisions-*} (two
 * documents with different decision ids for one transaction is a duplicate the document id cannot
 * absorb), and every decision document belongs to a committed transaction.
 */
final class DecisionsInElasticsearch implements Check {

  @Override
  public String name() {
    return "decisions in Elasticsearch";
  }

  @Override
  public CheckResult run(VerifyContext context) {
    VerifySettings settings = context.settings();
    Set<String> transactions = context.transactionIds();
    Map<String, Integer> perTransaction = new HashMap<>();
    Set<String> unknown = new HashSet<>();
    // A decision is made after its transaction committed, so the range's start bounds it too.
    context
        .elasticsearch()
        .scan(
            "flowlet-decisions-*",
            ElasticsearchScan.range("decidedAt", settings.from(), null),
            new String[] {"transactionId"},
            (id, source) -> {
              String transaction = source.path("transactionId").asString("");
              if (transactions.contains(transaction)) {
                perTransaction.merge(transaction, 1, Integer::sum);
              } else {
                unknown.add(transaction);
              }
            });
    long missing = transactions.stream().filter(id -> !perTransaction.containsKey(id)).count();
    long duplicated = perTransaction.values().stream().filter(count -> count > 1).count();
    // Decisions outside the range belong to transactions committed before or after it.
    unknown.removeAll(context.existing("transactions", unknown));
    return CheckResult.counted(
        name(), transactions.size(), missing, duplicated, unknown.size(), "");
  }
}
