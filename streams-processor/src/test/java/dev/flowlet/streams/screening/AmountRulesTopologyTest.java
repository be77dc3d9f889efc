package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.AMOUNT_ANOMALY;
import static dev.flowlet.events.RuleCatalog.LARGE_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.RiskDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmountRulesTopologyTest {

  private static final BigDecimal THRESHOLD = Catalog.amount(LARGE_AMOUNT, "threshold");
  private static final BigDecimal USD_PER_EUR = ScreeningSettings.REFERENCE_RATES.get("USD");

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void flagsAnAmountExactlyAtTheLargeAmountThreshold() {
    RiskDecision decision = driver.screen(Tx.transfer().amount(THRESHOLD));

    assertThat(Reasons.rules(decision)).containsExactly(LARGE_AMOUNT);
    assertThat(decision.score()).isEqualTo(Catalog.score(LARGE_AMOUNT));
    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.REVIEW);
    assertThat(Reasons.detail(decision, LARGE_AMOUNT))
        .isEqualTo(
            "Amount 10000.00 EUR is at or above the large-amount threshold of 10,000.00 EUR");
    Alert alert = driver.alerts().getFirst();
    assertThat(alert.rule()).isEqualTo(LARGE_AMOUNT);
    assertThat(alert.severity()).isEqualTo(Alert.Severity.HIGH);
  }

  @Test
  void approvesOneCentBelowTheThresholdWithoutAnAlert() {
    RiskDecision decision =
        driver.screen(Tx.transfer().amount(THRESHOLD.subtract(new BigDecimal("0.01"))));

    assertThat(decision.outcome()).isEqualTo(RiskDecision.Outcome.APPROVE);
    assertThat(decision.reasons()).isEmpty();
    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void comparesForeignAmountsInTheReportingCurrency() {
    BigDecimal atThreshold = THRESHOLD.multiply(USD_PER_EUR).setScale(2, RoundingMode.HALF_EVEN);

    RiskDecision at =
        driver.screen(Tx.transfer().account("acc-usd").currency("USD").amount(atThreshold));
    RiskDecision below =
        driver.screen(
            Tx.transfer()
                .account("acc-usd")
                .currency("USD")
                .amount(atThreshold.subtract(new BigDecimal("0.01"))));

    assertThat(Reasons.detail(at, LARGE_AMOUNT))
        .isEqualTo(
            "Amount 10800.00 USD (10,000.00 EUR) is at or above the large-amount threshold of"
                + " 10,000.00 EUR");
    assertThat(below.reasons()).isEmpty();
  }

  @Test
  void flagsAnOutgoingAmountJustAboveMeanPlusFourStandardDeviationsOfItsHistory() {
    long limitCents = buildOutgoingHistory("acc-anomaly");

    RiskDecision above =
        driver.screen(
            Tx.cardPayment()
                .account("acc-anomaly")
                .amount(BigDecimal.valueOf(limitCents + 1, 2))
                .after(Duration.ofDays(30)));

    assertThat(Reasons.rules(above)).containsExactly(AMOUNT_ANOMALY);
    assertThat(Reasons.detail(above, AMOUNT_ANOMALY))
        .startsWith("Outgoing amount 141.04 EUR is 4.0 standard deviations above")
        .endsWith("mean outgoing amount of 100.00 EUR over 20 movements; limit 4");
    assertThat(driver.accountHistory().get("acc-anomaly").amounts(true).count())
        .as("the movement joins the history after it was judged")
        .isEqualTo(21);
  }

  @Test
  void staysSilentAtMeanPlusFourStandardDeviations() {
    long limitCents = buildOutgoingHistory("acc-anomaly");

    RiskDecision at =
        driver.screen(
            Tx.cardPayment()
                .account("acc-anomaly")
                .amount(BigDecimal.valueOf(limitCents, 2))
                .after(Duration.ofDays(30)));

    assertThat(at.reasons()).isEmpty();
  }

  @Test
  void staysSilentUntilTheAccountHasEnoughHistory() {
    int minHistory = Catalog.count(AMOUNT_ANOMALY, "min-history");
    for (int i = 0; i < minHistory - 1; i++) {
      driver.screen(
          Tx.cardPayment().account("acc-young").amount("100.00").after(Duration.ofHours(i)));
    }

    RiskDecision huge =
        driver.screen(
            Tx.cardPayment().account("acc-young").amount("9000.00").after(Duration.ofDays(30)));

    assertThat(Reasons.rules(huge)).doesNotContain(AMOUNT_ANOMALY);
  }

  @Test
  void judgesDepositsAgainstDepositsNotAgainstCardPayments() {
    buildOutgoingHistory("acc-salary");

    RiskDecision salary =
        driver.screen(
            Tx.deposit().account("acc-salary").amount("3000.00").after(Duration.ofDays(30)));

    assertThat(Reasons.rules(salary)).doesNotContain(AMOUNT_ANOMALY);
  }

  /**
   * Twenty card payments of 90.00 and 110.00, an hour apart: mean 100.00, sample standard deviation
   * sqrt(2000/19). Returns the firing limit mean + k sd in cents, rounded down.
   */
  private long buildOutgoingHistory(String account) {
    int minHistory = Catalog.count(AMOUNT_ANOMALY, "min-history");
    for (int i = 0; i < minHistory; i++) {
      driver.screen(
          Tx.cardPayment()
              .account(account)
              .amount(i % 2 == 0 ? "90.00" : "110.00")
              .after(Duration.ofHours(i)));
    }
    double mean = 10_000;
    double sd = Math.sqrt(minHistory * 1000.0 * 1000.0 / (minHistory - 1));
    double k = Catalog.decimal(AMOUNT_ANOMALY, "std-devs").doubleValue();
    return (long) Math.floor(mean + k * sd);
  }
}
