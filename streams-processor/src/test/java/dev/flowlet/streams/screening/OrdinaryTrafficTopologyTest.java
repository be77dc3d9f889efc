package dev.flowlet.streams.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.events.Alert;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.TransactionRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdinaryTrafficTopologyTest {

  @Test
  void approvesTwoMonthsOfEverydayBankingWithoutASingleReasonOrAlert() {
    List<TransactionRecorded> traffic = OrdinaryTraffic.twoMonths(40, 7);

    try (ScreeningDriver driver = new ScreeningDriver()) {
      traffic.forEach(driver::send);
      List<RiskDecision> decisions = driver.decisions();

      assertThat(decisions).hasSize(traffic.size());
      assertThat(decisions)
          .filteredOn(decision -> !decision.reasons().isEmpty())
          .extracting(RiskDecision::reasons)
          .isEmpty();
      assertThat(driver.alerts()).isEmpty();
      assertThat(driver.deadLetters()).isEmpty();
    }
    assertThat(traffic).hasSizeGreaterThan(3000);
  }

  @Test
  void givesIdenticalDecisionsAndAlertsWhenTheSameInputIsReplayedInTheSameOrder() {
    List<TransactionRecorded> traffic = new ArrayList<>(OrdinaryTraffic.twoMonths(15, 11));
    TransactionRecorded last = traffic.getLast();
    for (int i = 0; i < 8; i++) {
      traffic.add(
          Tx.transfer()
              .account(last.accountId())
              .customer(last.customerId())
              .amount(i % 2 == 0 ? "9500.00" : "15000.00")
              .counterparty(i == 3 ? "Banco Nacional de Cuba" : "Northwind Traders", "NL")
              .at(last.occurredAt().plus(Duration.ofMinutes(i)))
              .build());
    }

    Replay first = replay(traffic);
    Replay second = replay(traffic);

    assertThat(first.alerts()).isNotEmpty();
    assertThat(second.decisions()).isEqualTo(first.decisions());
    assertThat(second.alerts()).isEqualTo(first.alerts());
  }

  private static Replay replay(List<TransactionRecorded> traffic) {
    try (ScreeningDriver driver = new ScreeningDriver()) {
      traffic.forEach(driver::send);
      return new Replay(driver.decisions(), driver.alerts());
    }
  }

  private record Replay(List<RiskDecision> decisions, List<Alert> alerts) {}
}
