package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.reconciliation.AmountGroup.LedgerEntry;
import dev.flowlet.batch.reconciliation.AmountGroup.StatementEntry;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matches statement lines to ledger rows of the same currency and signed amount, one to one. Lines
 * are taken in value-date order; each takes, among the ledger rows not yet taken whose date lies
 * within the tolerance of its value date, the one with the same counterparty (case and spacing
 * ignored) if there is one, else the nearest in date, else the earliest. A line left over is
 * MISSING_IN_LEDGER; a ledger row left over is MISSING_IN_STATEMENT when its date lies in the
 * period, and no result otherwise (it belongs to a neighbouring statement: it was only a candidate
 * because of the tolerance).
 *
 * <p>Greedy in date order, not an optimal assignment: when two lines compete for one row the
 * earlier line wins. It works in one pass over both sorted lists with a window of the tolerance's
 * width.
 */
final class StatementMatcher {

  private final long toleranceDays;
  private final LocalDate from;
  private final LocalDate to;

  /**
   * @param toleranceDays how many days apart a line and a ledger row may be
   * @param from first day of the period
   * @param to last day of the period
   */
  StatementMatcher(long toleranceDays, LocalDate from, LocalDate to) {
    this.toleranceDays = toleranceDays;
    this.from = from;
    this.to = to;
  }

  List<MatchResult> match(AmountGroup group) {
    List<LedgerEntry> ledger = group.ledger();
    boolean[] taken = new boolean[ledger.size()];
    List<MatchResult> results = new ArrayList<>(group.lines().size() + ledger.size());
    int windowStart = 0;
    for (StatementEntry line : group.lines()) {
      LocalDate earliest = line.valueDate().minusDays(toleranceDays);
      LocalDate latest = line.valueDate().plusDays(toleranceDays);
      while (windowStart < ledger.size() && ledger.get(windowStart).day().isBefore(earliest)) {
        leftOver(group, ledger.get(windowStart), taken[windowStart], results);
        windowStart++;
      }
      int best = -1;
      for (int i = windowStart; i < ledger.size() && !ledger.get(i).day().isAfter(latest); i++) {
        if (!taken[i] && (best < 0 || better(line, ledger.get(i), ledger.get(best)))) {
          best = i;
        }
      }
      if (best < 0) {
        results.add(
            new MatchResult(
                ResultCategory.MISSING_IN_LEDGER,
                group.currency(),
                group.amount(),
                line,
                null,
                "no unmatched ledger transaction of "
                    + group.amount().toPlainString()
                    + " "
                    + group.currency()
                    + " within "
                    + toleranceDays
                    + " days of the value date"));
      } else {
        taken[best] = true;
        results.add(
            new MatchResult(
                ResultCategory.MATCHED,
                group.currency(),
                group.amount(),
                line,
                ledger.get(best),
                null));
      }
    }
    for (int i = windowStart; i < ledger.size(); i++) {
      leftOver(group, ledger.get(i), taken[i], results);
    }
    return results;
  }

  private void leftOver(
      AmountGroup group, LedgerEntry row, boolean taken, List<MatchResult> results) {
    if (taken || row.day().isBefore(from) || row.day().isAfter(to)) {
      return;
    }
    results.add(
        new MatchResult(
            ResultCategory.MISSING_IN_STATEMENT,
            group.currency(),
            group.amount(),
            null,
            row,
            "no statement line for this ledger transaction"));
  }

  /** Whether {@code candidate} suits {@code line} better than {@code incumbent}. */
  private static boolean better(StatementEntry line, LedgerEntry candidate, LedgerEntry incumbent) {
    boolean candidateNamed = sameParty(line.counterparty(), candidate.counterparty());
    boolean incumbentNamed = sameParty(line.counterparty(), incumbent.counterparty());
    if (candidateNamed != incumbentNamed) {
      return candidateNamed;
    }
    long candidateDistance = Math.abs(ChronoUnit.DAYS.between(line.valueDate(), candidate.day()));
    long incumbentDistance = Math.abs(ChronoUnit.DAYS.between(line.valueDate(), incumbent.day()));
    // Equal distance: the incumbent is earlier (ledger rows come by date, then id), so it stays.
    return candidateDistance < incumbentDistance;
  }

  private static boolean sameParty(String statement, String ledger) {
    return statement != null && ledger != null && normalize(statement).equals(normalize(ledger));
  }

  private static String normalize(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
