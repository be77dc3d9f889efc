package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.STRUCTURING;
import static dev.flowlet.streams.screening.Tx.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.RiskDecision;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StructuringTopologyTest {

  private static final BigDecimal MIN = Catalog.amount(STRUCTURING, "min-amount");
  private static final BigDecimal MAX = Catalog.amount(STRUCTURING, "max-amount");
  private static final int MIN_COUNT = Catalog.count(STRUCTURING, "min-count");
  private static final Duration WINDOW = Catalog.duration(STRUCTURING, "window");
  private static final String CUSTOMER = "cus-structurer";

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void flagsTheThirdDepositInTheBandAcrossTheCustomersAccountsJustInsideTheWindow() {
    depositsFromT0(MIN_COUNT - 1, MIN);

    RiskDecision decision =
        driver.screen(
            Tx.deposit()
                .account("acc-c")
                .customer(CUSTOMER)
                .amount(MAX)
                .at(T0.plus(WINDOW).minusMillis(1)));

    assertThat(Reasons.rules(decision)).containsExactly(STRUCTURING);
    assertThat(Reasons.detail(decision, STRUCTURING))
        .isEqualTo("3 cash deposits between 8,000.00 and 9,999.99 EUR within 24 h; limit 3");
    Alert alert = driver.alerts().getFirst();
    assertThat(alert.customerId()).isEqualTo(CUSTOMER);
  }

  @Test
  void staysSilentOnceTheFirstDepositLeftTheWindow() {
    depositsFromT0(MIN_COUNT - 1, MIN);

    RiskDecision decision =
        driver.screen(
            Tx.deposit()
                .account("acc-c")
                .customer(CUSTOMER)
                .amount(MAX)
                .at(T0.plus(WINDOW).plusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void staysSilentForDepositsJustBelowTheBand() {
    depositsFromT0(MIN_COUNT - 1, MIN.subtract(new BigDecimal("0.01")));

    RiskDecision decision =
        driver.screen(
            Tx.deposit()
                .account("acc-c")
                .customer(CUSTOMER)
                .amount(MIN)
                .after(Duration.ofHours(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void doesNotCountADepositJustAboveTheBand() {
    depositsFromT0(MIN_COUNT - 1, MIN);

    RiskDecision decision =
        driver.screen(
            Tx.deposit()
                .account("acc-c")
                .customer(CUSTOMER)
                .amount(MAX.add(new BigDecimal("0.01")))
                .after(Duration.ofHours(1)));

    assertThat(Reasons.rules(decision)).doesNotContain(STRUCTURING);
  }

  @Test
  void doesNotMixCustomers() {
    depositsFromT0(MIN_COUNT - 1, MIN);

    RiskDecision decision =
        driver.screen(
            Tx.deposit()
                .account("acc-other")
                .customer("cus-other")
                .amount(MIN)
                .after(Duration.ofHours(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  /** Deposits on two accounts of the same customer, a minute apart from T0. */
  private void depositsFromT0(int count, BigDecimal amount) {
    for (int i = 0; i < count; i++) {
      driver.screen(
          Tx.deposit()
              .account(i % 2 == 0 ? "acc-a" : "acc-b")
              .customer(CUSTOMER)
              .amount(amount)
              .at(T0.plus(Duration.ofMinutes(i))));
    }
  }
}
