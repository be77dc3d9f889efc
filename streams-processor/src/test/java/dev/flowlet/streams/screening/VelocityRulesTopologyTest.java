package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.VELOCITY_AMOUNT;
import static dev.flowlet.events.RuleCatalog.VELOCITY_COUNT;
import static dev.flowlet.streams.screening.Tx.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.RiskDecision;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VelocityRulesTopologyTest {

  private static final int MAX_COUNT = Catalog.count(VELOCITY_COUNT, "max-count");
  private static final Duration COUNT_WINDOW = Catalog.duration(VELOCITY_COUNT, "window");
  private static final BigDecimal MAX_AMOUNT = Catalog.amount(VELOCITY_AMOUNT, "max-amount");
  private static final Duration AMOUNT_WINDOW = Catalog.duration(VELOCITY_AMOUNT, "window");

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void flagsTheOutgoingMovementOverTheLimitJustInsideTheWindow() {
    outgoingFromT0(MAX_COUNT);

    RiskDecision decision = driver.screen(Tx.transfer().at(T0.plus(COUNT_WINDOW).minusMillis(1)));

    assertThat(Reasons.rules(decision)).containsExactly(VELOCITY_COUNT);
    assertThat(Reasons.detail(decision, VELOCITY_COUNT))
        .isEqualTo("6 outgoing movements in 10 min; limit 5");
  }

  @Test
  void countsAMovementExactlyOneWindowOldAsInside() {
    outgoingFromT0(MAX_COUNT);

    RiskDecision decision = driver.screen(Tx.withdrawal().at(T0.plus(COUNT_WINDOW)));

    assertThat(Reasons.rules(decision)).containsExactly(VELOCITY_COUNT);
  }

  @Test
  void staysSilentOnceTheFirstMovementLeftTheWindow() {
    outgoingFromT0(MAX_COUNT);

    RiskDecision decision = driver.screen(Tx.transfer().at(T0.plus(COUNT_WINDOW).plusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void staysSilentAtTheLimit() {
    outgoingFromT0(MAX_COUNT - 1);

    RiskDecision decision = driver.screen(Tx.transfer().at(T0.plus(COUNT_WINDOW).minusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void doesNotCountIncomingMovements() {
    outgoingFromT0(MAX_COUNT - 1);
    driver.screen(Tx.deposit().amount("5000.00").at(T0.plusSeconds(30)));
    driver.screen(Tx.refund().amount("5000.00").at(T0.plusSeconds(31)));

    RiskDecision decision = driver.screen(Tx.transfer().at(T0.plusSeconds(60)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void flagsTheOutgoingTotalOverTheLimitJustInsideTheWindow() {
    firstTwoNineThousands();

    RiskDecision decision =
        driver.screen(
            Tx.transfer().amount(remainderPlus("0.01")).at(T0.plus(AMOUNT_WINDOW).minusMillis(1)));

    assertThat(Reasons.rules(decision)).containsExactly(VELOCITY_AMOUNT);
    assertThat(Reasons.detail(decision, VELOCITY_AMOUNT))
        .isEqualTo("Outgoing 20,000.01 EUR in 24 h; limit 20,000.00 EUR");
  }

  @Test
  void staysSilentAtExactlyTheLimit() {
    firstTwoNineThousands();

    RiskDecision decision =
        driver.screen(
            Tx.transfer().amount(remainderPlus("0.00")).at(T0.plus(AMOUNT_WINDOW).minusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void staysSilentOnceTheFirstAmountLeftTheWindow() {
    firstTwoNineThousands();

    RiskDecision decision =
        driver.screen(
            Tx.transfer().amount(remainderPlus("0.01")).at(T0.plus(AMOUNT_WINDOW).plusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  /** Outgoing movements of 42.50, one a second from T0. */
  private void outgoingFromT0(int count) {
    for (int i = 0; i < count; i++) {
      driver.screen((i % 2 == 0 ? Tx.cardPayment() : Tx.transfer()).at(T0.plusSeconds(i)));
    }
  }

  private void firstTwoNineThousands() {
    driver.screen(Tx.transfer().amount("9000.00").at(T0));
    driver.screen(Tx.transfer().amount("9000.00").at(T0.plusSeconds(1)));
  }

  private static BigDecimal remainderPlus(String extra) {
    return MAX_AMOUNT.subtract(new BigDecimal("18000.00")).add(new BigDecimal(extra));
  }
}
