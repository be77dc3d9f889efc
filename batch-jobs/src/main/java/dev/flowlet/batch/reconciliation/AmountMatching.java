package dev.flowlet.batch.reconciliation;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The amount-match step's processor: the {@link StatementMatcher} of the run's period. Without a
 * period (the statement had no valid line) the reader yields nothing, and neither does this.
 */
class AmountMatching implements ItemProcessor<AmountGroup, List<MatchResult>> {

  private final @Nullable StatementMatcher matcher;

  AmountMatching(@Nullable LocalDate from, @Nullable LocalDate to, long toleranceDays) {
    this.matcher =
        from == null || to == null ? null : new StatementMatcher(toleranceDays, from, to);
  }

  @Override
  public List<MatchResult> process(AmountGroup group) {
    return matcher == null ? List.of() : matcher.match(group);
  }
}
