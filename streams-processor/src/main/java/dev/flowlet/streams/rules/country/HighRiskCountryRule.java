package dev.flowlet.streams.rules.country;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code HIGH_RISK_COUNTRY}: the counterparty's country is on the list of high-risk jurisdictions
 * (by default the FATF call for action).
 *
 * @param countries ISO 3166-1 alpha-2 codes, in the order configured
 */
public record HighRiskCountryRule(List<String> countries) implements ScreeningRule {

  public HighRiskCountryRule {
    countries = List.copyOf(countries);
  }

  @Override
  public String id() {
    return RuleCatalog.HIGH_RISK_COUNTRY;
  }

  @Override
  public Optional<String> evaluate(
      Movement movement, AccountHistory account, CustomerHistory customer) {
    String country = movement.counterpartyCountry();
    if (country == null || !countries.contains(country)) {
      return Optional.empty();
    }
    return Optional.of(
        "Counterparty in %s, a high-risk jurisdiction (list: %s)"
            .formatted(country, String.join(", ", countries)));
  }
}
