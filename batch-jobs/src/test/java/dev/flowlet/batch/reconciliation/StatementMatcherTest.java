package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.reconciliation.AmountGroup.LedgerEntry;
import dev.flowlet.batch.reconciliation.AmountGroup.StatementEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementMatcherTest {

  private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
  private static final LocalDate TO = LocalDate.of(2026, 3, 31);
  private final StatementMatcher matcher = new StatementMatcher(2, FROM, TO);

  @Test
  void matchesWithinTheToleranceAndNotBeyondIt() {
    LedgerEntry twoDaysEarlier = ledger(day(10), "Shop");
    LedgerEntry threeDaysLater = ledger(day(15), "Shop");

    List<MatchResult> results =
        matcher.match(
            group(List.of(line(1, day(12), "Shop")), List.of(twoDaysEarlier, threeDaysLater)));

    assertThat(results)
        .extracting(
            MatchResult::category, result -> result.ledger() == null ? null : result.ledger().id())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ResultCategory.MATCHED, twoDaysEarlier.id()),
            org.assertj.core.groups.Tuple.tuple(
                ResultCategory.MISSING_IN_STATEMENT, threeDaysLater.id()));
  }

  @Test
  void prefersTheSameCounterpartyThenTheNearestDate() {
    LedgerEntry nearButOther = ledger(day(12), "Bakery");
    LedgerEntry fartherButNamed = ledger(day(13), "  butcher ");
    LedgerEntry nearest = ledger(day(11), "Grocer");

    assertThat(matched(line(1, day(11), "Butcher"), nearButOther, fartherButNamed, nearest))
        .isEqualTo(fartherButNamed.id());
    assertThat(matched(line(1, day(12), "Nobody"), nearButOther, nearest))
        .isEqualTo(nearButOther.id());
  }

  @Test
  void neverMatchesOneLedgerRowTwice() {
    LedgerEntry only = ledger(day(5), null);

    List<MatchResult> results =
        matcher.match(group(List.of(line(1, day(5), null), line(2, day(5), null)), List.of(only)));

    assertThat(results)
        .extracting(MatchResult::category)
        .containsExactly(ResultCategory.MATCHED, ResultCategory.MISSING_IN_LEDGER);
  }

  @Test
  void leavesLedgerRowsOutsideThePeriodUnreportedWhenNothingMatchesThem() {
    LedgerEntry beforePeriod = ledger(FROM.minusDays(1), null);
    LedgerEntry afterPeriod = ledger(TO.plusDays(2), null);
    LedgerEntry inPeriod = ledger(day(20), null);

    List<MatchResult> results =
        matcher.match(group(List.of(), List.of(beforePeriod, inPeriod, afterPeriod)));

    assertThat(results)
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.category()).isEqualTo(ResultCategory.MISSING_IN_STATEMENT);
              assertThat(result.ledger()).isEqualTo(inPeriod);
            });
  }

  @Test
  void matchesALineAtThePeriodsEdgeWithARowJustOutsideIt() {
    LedgerEntry dayBefore = ledger(FROM.minusDays(1), null);

    assertThat(matched(line(1, FROM, null), dayBefore)).isEqualTo(dayBefore.id());
  }

  private UUID matched(StatementEntry line, LedgerEntry... ledger) {
    return matcher.match(group(List.of(line), List.of(sortedByDay(ledger)))).stream()
        .filter(result -> result.category() == ResultCategory.MATCHED)
        .findFirst()
        .orElseThrow()
        .ledger()
        .id();
  }

  private static LedgerEntry[] sortedByDay(LedgerEntry... ledger) {
    return java.util.Arrays.stream(ledger)
        .sorted(java.util.Comparator.comparing(LedgerEntry::day))
        .toArray(LedgerEntry[]::new);
  }

  private static AmountGroup group(List<StatementEntry> lines, List<LedgerEntry> ledger) {
    return new AmountGroup("EUR", new BigDecimal("-30.00"), lines, ledger);
  }

  private static StatementEntry line(long number, LocalDate day, String counterparty) {
    return new StatementEntry(number, "R" + number, day, counterparty);
  }

  private static LedgerEntry ledger(LocalDate day, String counterparty) {
    return new LedgerEntry(UUID.randomUUID(), day, counterparty);
  }

  private static LocalDate day(int dayOfMonth) {
    return FROM.withDayOfMonth(dayOfMonth);
  }
}
