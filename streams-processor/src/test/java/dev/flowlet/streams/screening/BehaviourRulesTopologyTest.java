package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.DORMANT_REACTIVATION;
import static dev.flowlet.events.RuleCatalog.IMPOSSIBLE_TRAVEL;
import static dev.flowlet.events.RuleCatalog.NEW_DEVICE_HIGH_VALUE;
import static dev.flowlet.streams.screening.Tx.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.RiskDecision;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import dev.flowlet.streams.rules.travel.CountryCentroids;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules about how a customer behaves: where from, on which device, after how long. */
class BehaviourRulesTopologyTest {

  private static final double MAX_SPEED =
      Catalog.decimal(IMPOSSIBLE_TRAVEL, "max-speed-kmh").doubleValue();
  private static final BigDecimal DEVICE_MIN = Catalog.amount(NEW_DEVICE_HIGH_VALUE, "min-amount");
  private static final Duration DORMANT_FOR = Catalog.duration(DORMANT_REACTIVATION, "dormant-for");
  private static final BigDecimal DORMANT_MIN = Catalog.amount(DORMANT_REACTIVATION, "min-amount");
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private final ScreeningDriver driver = new ScreeningDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void flagsAMovementFromJapanSoonerAfterOneFromFranceThanAPlaneCouldFly() {
    long fastest = fastestTripMillis("FR", "JP");
    driver.screen(
        Tx.cardPayment().account("acc-paris").customer("cus-traveller").from("FR").at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.cardPayment()
                .account("acc-tokyo")
                .customer("cus-traveller")
                .from("JP")
                .at(T0.plusMillis(fastest - 1)));

    assertThat(Reasons.rules(decision)).containsExactly(IMPOSSIBLE_TRAVEL);
    assertThat(Reasons.detail(decision, IMPOSSIBLE_TRAVEL))
        .startsWith("Movement from JP 10 h 59 min")
        .endsWith(" after one from FR, 9,889 km apart: 900 km/h; limit 900 km/h");
  }

  @Test
  void staysSilentWhenThereWasJustEnoughTimeToFly() {
    long fastest = fastestTripMillis("FR", "JP");
    driver.screen(Tx.cardPayment().customer("cus-traveller").from("FR").at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.cardPayment().customer("cus-traveller").from("JP").at(T0.plusMillis(fastest + 1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void neverFlagsTwoMovementsFromTheSameCountry() {
    driver.screen(Tx.cardPayment().account("acc-1").customer("cus-home").from("DE").at(T0));

    RiskDecision decision =
        driver.screen(Tx.cardPayment().account("acc-2").customer("cus-home").from("DE").at(T0));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void flagsAHighAmountFromADeviceNeverSeenOnTheAccount() {
    driver.screen(Tx.cardPayment().device("laptop-1").at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.transfer().device("phone-2").amount(DEVICE_MIN).after(Duration.ofHours(1)));

    assertThat(Reasons.rules(decision)).containsExactly(NEW_DEVICE_HIGH_VALUE);
    assertThat(Reasons.detail(decision, NEW_DEVICE_HIGH_VALUE))
        .isEqualTo(
            "Device never seen on this account (1 known), for 1,000.00 EUR; limit 1,000.00 EUR");
  }

  @Test
  void flagsANewDeviceOnSchemaVersionOneRecordsWithTheDeviceInClear() {
    driver.screen(Tx.cardPayment().device("laptop-1").schemaV1().at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.transfer()
                .device("phone-2")
                .schemaV1()
                .amount(DEVICE_MIN)
                .after(Duration.ofHours(1)));

    assertThat(Reasons.rules(decision)).containsExactly(NEW_DEVICE_HIGH_VALUE);
  }

  @Test
  void recognisesAKnownDeviceByItsPseudonymAlone() {
    driver.screen(Tx.cardPayment().device("laptop-1").at(T0));
    var second = Tx.transfer().device("laptop-1").amount("5000.00").after(Duration.ofHours(1));

    assertThat(second.build().channel().deviceId()).isNull();
    assertThat(second.build().channel().deviceRef()).isNotBlank().doesNotContain("laptop");
    assertThat(driver.screen(second).reasons()).isEmpty();
  }

  @Test
  void staysSilentOnANewDeviceJustBelowTheAmount() {
    driver.screen(Tx.cardPayment().device("laptop-1").at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.transfer()
                .device("phone-2")
                .amount(DEVICE_MIN.subtract(CENT))
                .after(Duration.ofHours(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void staysSilentOnAKnownDevice() {
    driver.screen(Tx.cardPayment().device("laptop-1").at(T0));

    RiskDecision decision =
        driver.screen(
            Tx.transfer().device("laptop-1").amount("5000.00").after(Duration.ofHours(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void takesTheFirstDeviceOfAnAccountAsItsBaselineByDefault() {
    RiskDecision first = driver.screen(Tx.transfer().device("laptop-1").amount("5000.00").at(T0));

    assertThat(first.reasons()).isEmpty();
  }

  @Test
  void flagsTheFirstDeviceWhenConfiguredTo() {
    try (ScreeningDriver strict = new ScreeningDriver(SanctionsListFile.bundledSample(), true)) {
      RiskDecision first =
          strict.screen(Tx.transfer().device("laptop-1").amount(DEVICE_MIN).at(T0));

      assertThat(Reasons.detail(first, NEW_DEVICE_HIGH_VALUE))
          .startsWith("First device ever used on this account, for 1,000.00 EUR");
    }
  }

  @Test
  void flagsAHighAmountExactlyTheDormancyPeriodAfterTheLastActivity() {
    driver.screen(Tx.cardPayment().at(T0));

    RiskDecision decision =
        driver.screen(Tx.transfer().amount(DORMANT_MIN).at(T0.plus(DORMANT_FOR)));

    assertThat(Reasons.rules(decision)).containsExactly(DORMANT_REACTIVATION);
    assertThat(Reasons.detail(decision, DORMANT_REACTIVATION))
        .isEqualTo(
            "First movement after 180 days without activity, 1,000.00 EUR; dormant from 180"
                + " days, limit 1,000.00 EUR");
  }

  @Test
  void staysSilentOneMillisecondBeforeTheAccountIsDormant() {
    driver.screen(Tx.cardPayment().at(T0));

    RiskDecision decision =
        driver.screen(Tx.transfer().amount(DORMANT_MIN).at(T0.plus(DORMANT_FOR).minusMillis(1)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void staysSilentOnADormantAccountJustBelowTheAmount() {
    driver.screen(Tx.cardPayment().at(T0));

    RiskDecision decision =
        driver.screen(Tx.transfer().amount(DORMANT_MIN.subtract(CENT)).at(T0.plus(DORMANT_FOR)));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void doesNotTakeANewAccountForADormantOne() {
    RiskDecision decision = driver.screen(Tx.transfer().amount("5000.00").at(T0));

    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void aTransferReceivedFromSomeoneElseDoesNotEndDormancy() {
    driver.screen(Tx.cardPayment().account("acc-sleeper").customer("cus-sleeper").at(T0));
    driver.screen(
        Tx.transfer()
            .account("acc-payer")
            .to("acc-sleeper", "cus-sleeper")
            .amount("50.00")
            .at(T0.plus(DORMANT_FOR.dividedBy(2))));

    RiskDecision decision =
        driver.screen(
            Tx.transfer()
                .account("acc-sleeper")
                .customer("cus-sleeper")
                .amount(DORMANT_MIN)
                .at(T0.plus(DORMANT_FOR)));

    assertThat(Reasons.rules(decision)).containsExactly(DORMANT_REACTIVATION);
  }

  /** The shortest time in which {@code from} to {@code to} is possible at the catalog speed. */
  private static long fastestTripMillis(String from, String to) {
    double km = CountryCentroids.bundled().distanceKm(from, to).orElseThrow();
    return (long) Math.ceil(km / MAX_SPEED * 3_600_000);
  }
}
