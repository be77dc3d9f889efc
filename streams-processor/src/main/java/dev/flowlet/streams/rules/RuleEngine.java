package dev.flowlet.streams.rules;

import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.KnownDevices;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.MovementType;
import dev.flowlet.streams.rules.evaluation.Scope;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the enabled rules on one movement against the history before it, then adds the movement to
 * the history. All time is event time ({@code occurredAt}); state is pruned by the latest event
 * time seen on each account and customer, keeping the longest rule window plus the grace period, so
 * a movement up to {@code grace} late is still judged on complete windows.
 *
 * <p>Alerts are de-duplicated: per rule and account (or customer, for customer rules) a hit opens
 * an alert window as long as the rule's own window (or {@code alertWindow} for rules without one),
 * and further hits inside it raise no alert of their own, though every decision still lists them.
 */
public final class RuleEngine {

  private final long graceMillis;
  private final long alertWindowMillis;
  private final int maxDevicesPerAccount;
  private final int maxEntriesPerHistory;

  /**
   * @param grace how late an event may be and still be judged on complete windows
   * @param alertWindow the de-duplication window of rules that have no window of their own
   * @param maxDevicesPerAccount how many devices an account remembers
   * @param maxEntriesPerHistory how many movements one history list keeps at most
   */
  public RuleEngine(
      Duration grace, Duration alertWindow, int maxDevicesPerAccount, int maxEntriesPerHistory) {
    this.graceMillis = grace.toMillis();
    this.alertWindowMillis = alertWindow.toMillis();
    this.maxDevicesPerAccount = maxDevicesPerAccount;
    this.maxEntriesPerHistory = maxEntriesPerHistory;
  }

  /** Screens {@code movement} and records it in both histories, which the caller then stores. */
  public Evaluation screen(
      RuleSet rules, Movement movement, AccountHistory account, CustomerHistory customer) {
    long at = movement.at();
    account.observe(at);
    customer.observe(at);
    prune(rules, account);
    prune(rules, customer);

    List<RuleHit> hits = new ArrayList<>(2);
    for (ActiveRule active : rules.enabled()) {
      ScreeningRule rule = active.rule();
      var reason = rule.evaluate(movement, account, customer);
      if (reason.isPresent()) {
        boolean forCustomer = rule.scope() == Scope.CUSTOMER;
        long window = rule.ownWindow().map(Duration::toMillis).orElse(alertWindowMillis);
        long opened =
            (forCustomer ? customer.alerts() : account.alerts()).open(rule.id(), at, window);
        hits.add(
            new RuleHit(
                rule.id(),
                reason.get(),
                active.score(),
                active.severity(),
                forCustomer ? movement.customerId() : movement.accountId(),
                opened));
      }
    }
    record(movement, account, customer);
    return new Evaluation(List.copyOf(hits), rules.versions());
  }

  /**
   * Records a transfer credited to {@code account} from another account: money that came in, for
   * {@code RAPID_PASS_THROUGH}. It is not the holder's own activity, and no rule runs on it.
   */
  public void credit(RuleSet rules, AccountHistory account, long at, long cents) {
    account.observe(at);
    prune(rules, account);
    account.incoming().add(at, cents);
  }

  private void record(Movement movement, AccountHistory account, CustomerHistory customer) {
    long at = movement.at();
    long cents = movement.reportingCents();
    (movement.outgoing() ? account.outgoing() : account.incoming()).add(at, cents);
    account.amounts(movement.outgoing()).add(cents);
    account.recordActivity(at);
    if (movement.deviceId() != null) {
      account
          .devices()
          .see(KnownDevices.fingerprint(movement.deviceId()), at, maxDevicesPerAccount);
    }
    if (movement.type() == MovementType.DEPOSIT) {
      customer.deposits().add(at, cents);
    }
    if (movement.channelCountry() != null) {
      customer.recordCountry(movement.channelCountry(), at);
    }
  }

  private void prune(RuleSet rules, AccountHistory account) {
    long cutoff = account.latestEvent() - rules.longestWindowMillis() - graceMillis;
    account.outgoing().prune(cutoff, maxEntriesPerHistory - 1);
    account.incoming().prune(cutoff, maxEntriesPerHistory - 1);
    account.alerts().prune(alertCutoff(rules, account.latestEvent()));
  }

  private void prune(RuleSet rules, CustomerHistory customer) {
    long cutoff = customer.latestEvent() - rules.longestWindowMillis() - graceMillis;
    customer.deposits().prune(cutoff, maxEntriesPerHistory - 1);
    customer.alerts().prune(alertCutoff(rules, customer.latestEvent()));
  }

  private long alertCutoff(RuleSet rules, long latestEvent) {
    return latestEvent - Math.max(rules.longestWindowMillis(), alertWindowMillis) - graceMillis;
  }
}
