package dev.flowlet.streams.rules.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryCodingTest {

  @Test
  void anAccountHistoryReadsBackAsItWasWritten() {
    AccountHistory history = new AccountHistory();
    history.outgoing().add(2_000, 500);
    history.outgoing().add(1_000, 700);
    history.incoming().add(1_500, 100_000);
    history.amounts(true).add(500);
    history.amounts(true).add(700);
    history.amounts(false).add(100_000);
    history.devices().see(KnownDevices.fingerprint("phone"), 1_000, 16);
    history.alerts().open("VELOCITY_COUNT", 1_000, 600_000);
    history.recordActivity(2_000);
    history.observe(2_000);

    AccountHistory read = AccountHistory.fromBytes(history.toBytes());

    assertThat(read.outgoing().size()).isEqualTo(2);
    assertThat(read.outgoing().time(0)).isEqualTo(1_000);
    assertThat(read.outgoing().sum(0, 2_000)).isEqualTo(1_200);
    assertThat(read.incoming().amount(0)).isEqualTo(100_000);
    assertThat(read.amounts(true).count()).isEqualTo(2);
    assertThat(read.amounts(true).mean()).isEqualTo(600);
    assertThat(read.amounts(false).count()).isEqualTo(1);
    assertThat(read.devices().contains(KnownDevices.fingerprint("phone"))).isTrue();
    assertThat(read.alerts().open("VELOCITY_COUNT", 2_000, 600_000))
        .isEqualTo(AlertWindows.ALREADY_OPEN);
    assertThat(read.lastActivity()).isEqualTo(2_000);
    assertThat(read.latestEvent()).isEqualTo(2_000);
  }

  @Test
  void aCustomerHistoryReadsBackAsItWasWritten() {
    CustomerHistory history = new CustomerHistory();
    history.deposits().add(5, 900_000);
    history.recordCountry("FR", 5);
    history.observe(5);

    CustomerHistory read = CustomerHistory.fromBytes(history.toBytes());

    assertThat(read.deposits().countBetween(0, 5, 800_000, 999_999)).isEqualTo(1);
    assertThat(read.lastCountry()).isEqualTo("FR");
    assertThat(read.lastCountryAt()).isEqualTo(5);
    assertThat(CustomerHistory.fromBytes(new CustomerHistory().toBytes()).lastCountry()).isNull();
  }

  @Test
  void forgetsTheLeastRecentlySeenDeviceBeyondTheLimit() {
    KnownDevices devices = new KnownDevices();
    devices.see(1, 10, 2);
    devices.see(2, 20, 2);
    devices.see(1, 30, 2);
    devices.see(3, 40, 2);

    assertThat(devices.contains(1)).isTrue();
    assertThat(devices.contains(2)).isFalse();
    assertThat(devices.contains(3)).isTrue();
  }

  @Test
  void keepsLateAmountsInTimeOrderAndPrunesTheOldest() {
    TimedAmounts amounts = new TimedAmounts();
    for (long time : new long[] {50, 10, 40, 20, 30}) {
      amounts.add(time, time);
    }

    amounts.prune(20, 3);

    assertThat(amounts.size()).isEqualTo(3);
    assertThat(amounts.time(0)).isEqualTo(30);
    assertThat(amounts.count(30, 50)).isEqualTo(3);
    assertThat(amounts.count(31, 49)).isEqualTo(1);
  }
}
