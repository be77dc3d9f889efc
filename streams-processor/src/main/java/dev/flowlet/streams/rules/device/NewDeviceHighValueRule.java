package dev.flowlet.streams.rules.device;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.KnownDevices;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.util.Optional;

/**
 * {@code NEW_DEVICE_HIGH_VALUE}: a movement of at least {@code minCents} from a device never seen
 * on the account. An account without any known device has no baseline yet: its first device is new
 * only when {@code firstDeviceIsNew} (off by default, so that opening screening on existing
 * accounts, or a customer's first payment, does not flag every account once). Movements without a
 * device (a branch deposit) are not judged.
 *
 * @param minCents the smallest amount that fires, in hundredths of the reporting currency
 * @param firstDeviceIsNew whether an account's very first device counts as new
 * @param currency the reporting currency
 */
public record NewDeviceHighValueRule(
    long minCents, boolean firstDeviceIsNew, ReportingCurrency currency) implements ScreeningRule {

  @Override
  public String id() {
    return RuleCatalog.NEW_DEVICE_HIGH_VALUE;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    if (movement.deviceId() == null || movement.reportingCents() < minCents) {
      return Optional.empty();
    }
    KnownDevices devices = account.devices();
    if (devices.contains(KnownDevices.fingerprint(movement.deviceId()))) {
      return Optional.empty();
    }
    if (devices.isEmpty() && !firstDeviceIsNew) {
      return Optional.empty();
    }
    String seen =
        devices.isEmpty()
            ? "First device ever used on this account"
            : "Device never seen on this account (%d known)".formatted(devices.size());
    return Optional.of(
        "%s, for %s; limit %s"
            .formatted(
                seen, currency.format(movement.reportingCents()), currency.format(minCents)));
  }
}
