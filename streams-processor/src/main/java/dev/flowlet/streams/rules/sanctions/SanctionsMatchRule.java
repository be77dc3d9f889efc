package dev.flowlet.streams.rules.sanctions;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code SANCTIONS_MATCH}: the counterparty's name is at least {@code minSimilarity} similar
 * (Jaro-Winkler, after normalising case, accents, punctuation and word order) to an entry of the
 * sanctions list in force. The reason names the list entry, not the counterparty.
 *
 * @param minSimilarity the smallest similarity that fires, 0 to 1
 * @param list the list in force, which may be reloaded while running
 */
public record SanctionsMatchRule(double minSimilarity, SanctionsListFile list)
    implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.SANCTIONS_MATCH;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    String name = movement.counterpartyName();
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return list.current()
        .bestMatch(name, minSimilarity)
        .map(
            match ->
                String.format(
                    Locale.ROOT,
                    "Counterparty name matches sanctions-list entry %s \"%s\"%s with similarity"
                        + " %.2f; limit %.2f",
                    match.entry().id(),
                    match.entry().name(),
                    match.entry().program().isEmpty()
                        ? ""
                        : " (program " + match.entry().program() + ")",
                    Math.floor(match.similarity() * 100) / 100,
                    minSimilarity));
  }
}
