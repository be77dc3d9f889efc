package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.HIGH_RISK_COUNTRY;
import static dev.flowlet.events.RuleCatalog.RAPID_PASS_THROUGH;
import static dev.flowlet.events.RuleCatalog.SANCTIONS_MATCH;
import static dev.flowlet.streams.screening.Tx.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.RiskDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules about where money goes: through the account, to whom, to which country. */
class CounterpartyRulesTopologyTest {

  private static final BigDecimal MIN_RATIO = Catalog.decimal(RAPID_PASS_THROUGH, "min-ratio");
  private static final Duration WINDOW = Catalog.duration(RAPID_PASS_THROUGH, "window");
  private static final BigDecimal RECEIVED = new BigDecimal("1000.00");
  private static final BigDecimal CROSSING = RECEIVED.multiply(MIN_RATIO).setScale(2);

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void flagsTheOutgoingMovementThatTakesEightyPercentOfADepositOutJustInsideTheHour() {
    driver.screen(Tx.deposit().amount(RECEIVED).at(T0));
    driver.screen(Tx.withdrawal().amount("500.00").at(T0.plus(Duration.ofMinutes(10))));

    RiskDecision decision =
        driver.screen(
            Tx.transfer()
                .amount(CROSSING.subtract(new BigDecimal("500.00")))
                .at(T0.plus(WINDOW).minusMillis(1)));

    assertThat(Reasons.rules(decision)).containsExactly(RAPID_PASS_THROUGH);
    assertThat(Reasons.detail(decision, RAPID_PASS_THROUGH))
        .isEqualTo(
            "800.00 EUR of 1,000.00 EUR received 59 min 59 s earlier left the account within 1 h"
                + " (80%); limit 80%");
  }

  @Test
  void staysSilentOneCentShortOfTheRatio() {
    driver.screen(Tx.deposit().amount(RECEIVED).at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.transfer().amount(CROSSING.subtract(new BigDecimal("0.01"))).at(T0.plusSeconds(60)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void staysSilentWhenTheMoneyLeavesJustAfterTheWindow() {
    driver.screen(Tx.deposit().amount(RECEIVED).at(T0));

    RiskDecision decision =
        driver.screen(Tx.transfer().amount(CROSSING).at(T0.plus(WINDOW).plusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void flagsOnlyTheMovementThatCrossesTheRatio() {
    driver.screen(Tx.deposit().amount(RECEIVED).at(T0));
    RiskDecision crossing = driver.screen(Tx.transfer().amount(CROSSING).at(T0.plusSeconds(60)));

    RiskDecision after = driver.screen(Tx.transfer().amount("100.00").at(T0.plusSeconds(120)));

    assertThat(Reasons.rules(crossing)).containsExactly(RAPID_PASS_THROUGH);
    assertThat(after.reasons()).isEmpty();
  }

  @Test
  void aTransferFromAnotherCustomerCountsAsMoneyReceivedWithoutADecisionOfItsOwn() {
    RiskDecision sent =
        driver.screen(
            Tx.transfer()
                .account("acc-victim")
                .customer("cus-victim")
                .to("acc-mule", "cus-mule")
                .amount(RECEIVED)
                .at(T0));

    RiskDecision forwarded =
        driver.screen(
            Tx.transfer()
                .account("acc-mule")
                .customer("cus-mule")
                .amount(CROSSING)
                .at(T0.plus(Duration.ofMinutes(5))));

    assertThat(sent.accountId()).isEqualTo("acc-victim");
    assertThat(Reasons.rules(forwarded)).containsExactly(RAPID_PASS_THROUGH);
    assertThat(driver.accountHistory().get("acc-mule").incoming().size()).isEqualTo(1);
  }

  @Test
  void flagsACounterpartyOnTheSanctionsListWhateverTheCaseAccentsPunctuationAndWordOrder() {
    RiskDecision decision =
        driver.screen(Tx.transfer().counterparty("cuba, Bánco Nacional-de", "CU"));

    assertThat(Reasons.rules(decision)).containsExactly(SANCTIONS_MATCH);
    assertThat(Reasons.detail(decision, SANCTIONS_MATCH))
        .isEqualTo(
            "Counterparty name matches sanctions-list entry 306 \"BANCO NACIONAL DE CUBA\""
                + " (program CUBA) with similarity 1.00; limit 0.92");
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.HOLD);
  }

  @Test
  void flagsANameExactlyAsSimilarAsTheLimitAndNotOneThousandthLess() {
    String misspelt = "Banco Nacional de Kuba";
    double similarity =
        new JaroWinklerSimilarity().apply("banco de kuba nacional", "banco cuba de nacional");
    String limit = String.format(Locale.ROOT, "%.4f", Math.floor(similarity * 10_000) / 10_000);
    String justAbove =
        String.format(Locale.ROOT, "%.4f", Math.floor(similarity * 10_000) / 10_000 + 0.001);

    driver.publish(Catalog.changed(SANCTIONS_MATCH, 2, Map.of("min-similarity", limit)));
    RiskDecision atLimit = driver.screen(Tx.transfer().counterparty(misspelt, "CU"));
    driver.publish(Catalog.changed(SANCTIONS_MATCH, 3, Map.of("min-similarity", justAbove)));
    RiskDecision belowLimit = driver.screen(Tx.transfer().counterparty(misspelt, "CU"));

    assertThat(Reasons.rules(atLimit)).containsExactly(SANCTIONS_MATCH);
    assertThat(belowLimit.reasons()).isEmpty();
  }

  @Test
  void doesNotFlagAnOrdinaryMerchant() {
    RiskDecision decision = driver.screen(Tx.cardPayment().counterparty("Banco Santander", "ES"));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void flagsACounterpartyInAHighRiskCountryAndNotItsNeighbour() {
    RiskDecision iran = driver.screen(Tx.transfer().counterparty("Tehran Trading", "ir"));
    RiskDecision iraq = driver.screen(Tx.transfer().counterparty("Baghdad Trading", "IQ"));

    assertThat(Reasons.rules(iran)).containsExactly(HIGH_RISK_COUNTRY);
    assertThat(Reasons.detail(iran, HIGH_RISK_COUNTRY))
        .isEqualTo("Counterparty in IR, a high-risk jurisdiction (list: KP, IR, MM)");
    assertThat(iraq.reasons()).isEmpty();
  }
}
