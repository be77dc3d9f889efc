package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.LARGE_AMOUNT;
import static dev.flowlet.events.RuleCatalog.VELOCITY_COUNT;
import static dev.flowlet.streams.screening.Tx.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionScreeningTopologyTest {

  private static final Duration COUNT_WINDOW = Catalog.duration(VELOCITY_COUNT, "window");

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void keysDecisionsByTransactionAndAuditsEveryDecisionOnItsChain() {
    RiskDecision decision =
        driver.screen(
            Tx.transfer().id("tx-3").account("acc-3").customer("cus-3").amount("15000.00"));

    assertThat(decision.transactionId()).isEqualTo("tx-3");
    assertThat(decision.accountId()).isEqualTo("acc-3");
    assertThat(decision.customerId()).isEqualTo("cus-3");
    assertThat(decision.occurredAt()).isEqualTo(T0);
    assertThat(decision.decidedAt()).isEqualTo(ScreeningDriver.NOW);
    AuditEvent event = driver.audit().getFirst();
    assertThat(event.chainId()).isEqualTo(Screening.DECISION_CHAIN);
    assertThat(event.action()).isEqualTo("risk.decided");
    assertThat(event.resourceId()).isEqualTo("tx-3");
    assertThat(event.subjectId()).isEqualTo("cus-3");
    assertThat(event.details()).containsEntry("rules", LARGE_AMOUNT).containsKey("ruleVersions");
  }

  @Test
  void givesTheSameDecisionIdAndRaisesNoSecondAlertWhenATransactionIsScreenedTwice() {
    TransactionRecorded transaction = Tx.transfer().amount("20000.00").build();

    RiskDecision first = driver.screen(transaction);
    RiskDecision second = driver.screen(transaction);

    assertThat(second.decisionId()).isEqualTo(first.decisionId());
    assertThat(driver.alerts()).filteredOn(alert -> alert.rule().equals(LARGE_AMOUNT)).hasSize(1);
  }

  @Test
  void raisesOneAlertPerRuleAccountAndWindowWhileEveryDecisionKeepsItsReason() {
    RiskDecision first = driver.screen(Tx.transfer().amount("15000.00").at(T0));
    RiskDecision inWindow =
        driver.screen(
            Tx.transfer()
                .amount("15000.00")
                .at(T0.plus(ScreeningDriver.ALERT_WINDOW).minusMillis(1)));
    RiskDecision otherAccount = driver.screen(Tx.transfer().account("acc-2").amount("15000.00"));
    RiskDecision nextWindow =
        driver.screen(Tx.transfer().amount("15000.00").at(T0.plus(ScreeningDriver.ALERT_WINDOW)));

    assertThat(List.of(first, inWindow, otherAccount, nextWindow))
        .allSatisfy(decision -> assertThat(Reasons.rules(decision)).contains(LARGE_AMOUNT));
    List<Alert> alerts =
        driver.alerts().stream().filter(alert -> alert.rule().equals(LARGE_AMOUNT)).toList();
    assertThat(alerts)
        .extracting(Alert::transactionId)
        .containsExactly(
            first.transactionId(), otherAccount.transactionId(), nextWindow.transactionId());
    assertThat(alerts).extracting(Alert::alertId).doesNotHaveDuplicates();
  }

  @Test
  void sendsAPoisonRecordToTheDeadLetterTopicAndGoesOn() {
    driver.sendRaw("acc-1", "{not json".getBytes(StandardCharsets.UTF_8));
    RiskDecision decision = driver.screen(Tx.transfer().amount("1.00"));

    DeadLetter letter = driver.deadLetters().getFirst();
    assertThat(letter.sourceTopic()).isEqualTo(Topics.TRANSACTIONS.name());
    assertThat(letter.offset()).isZero();
    assertThat(letter.value()).isEqualTo("{not json");
    assertThat(letter.error()).contains("TransactionRecorded");
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.APPROVE);
  }

  @Test
  void deadLettersRecordsThatParseButCannotBeScreened() {
    driver.send(Tx.transfer().amount((String) null).build());
    driver.send(Tx.transfer().amount("-5.00").build());
    driver.send(Tx.transfer().currency("XTS").build());
    driver.send(Tx.transfer().type("GIFT").build());
    driver.sendRaw(
        "acc-1",
        "{\"schemaVersion\":1,\"transactionId\":\"tx-6\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(driver.deadLetters())
        .extracting(DeadLetter::error)
        .containsExactly(
            "TransactionRecorded lacks transactionId, accountId, customerId, type, amount,"
                + " currency or occurredAt",
            "TransactionRecorded has an amount that is not positive",
            "No FX rate for currency XTS (flowlet.screening.fx-rates)",
            "TransactionRecorded has an unknown type",
            "TransactionRecorded lacks transactionId, accountId, customerId, type, amount,"
                + " currency or occurredAt");
    assertThat(driver.decisions()).isEmpty();
    assertThat(driver.screen(Tx.transfer()).outcome()).isEqualTo(RiskDecision.Outcome.APPROVE);
  }

  @Test
  void judgesAMovementThatArrivesLateWithinTheGraceOnTheWindowItHappenedIn() {
    for (int i = 0; i < 5; i++) {
      driver.screen(Tx.cardPayment().at(T0.plusSeconds(i)));
    }
    driver.screen(Tx.cardPayment().at(T0.plus(ScreeningDriver.GRACE)));

    RiskDecision late = driver.screen(Tx.transfer().at(T0.plus(COUNT_WINDOW).minusMillis(1)));

    assertThat(Reasons.rules(late)).containsExactly(VELOCITY_COUNT);
  }

  @Test
  void keepsOnlyTheLongestWindowPlusTheGraceOfHistory() {
    Duration longest = Catalog.duration("VELOCITY_AMOUNT", "window");
    int hours = 100;
    for (int i = 0; i < hours; i++) {
      driver.screen(Tx.cardPayment().at(T0.plus(Duration.ofHours(i))));
    }

    AccountHistory history = driver.accountHistory().get("acc-1");
    long kept = longest.plus(ScreeningDriver.GRACE).toHours() + 1;
    assertThat(history.outgoing().size()).isEqualTo((int) kept);
    assertThat(history.amounts(true).count()).isEqualTo(hours);
    assertThat(driver.customerHistory().get("holder-of-acc-1").lastCountry()).isEqualTo("NL");
  }
}
