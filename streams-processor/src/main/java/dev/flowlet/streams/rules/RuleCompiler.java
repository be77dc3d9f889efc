package dev.flowlet.streams.rules;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.streams.rules.amount.AmountAnomalyRule;
import dev.flowlet.streams.rules.amount.LargeAmountRule;
import dev.flowlet.streams.rules.country.HighRiskCountryRule;
import dev.flowlet.streams.rules.device.NewDeviceHighValueRule;
import dev.flowlet.streams.rules.dormancy.DormantReactivationRule;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.evaluation.ScreeningRule;
import dev.flowlet.streams.rules.passthrough.RapidPassThroughRule;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import dev.flowlet.streams.rules.sanctions.SanctionsMatchRule;
import dev.flowlet.streams.rules.structuring.StructuringRule;
import dev.flowlet.streams.rules.travel.CountryCentroids;
import dev.flowlet.streams.rules.travel.ImpossibleTravelRule;
import dev.flowlet.streams.rules.velocity.VelocityAmountRule;
import dev.flowlet.streams.rules.velocity.VelocityCountRule;
import java.math.BigDecimal;

/**
 * Turns a {@link RuleDefinition} into a runnable rule, checking every parameter against its kind.
 * The same compiler validates definitions as they arrive and builds the rules that run, so a
 * definition that was accepted always compiles.
 */
public final class RuleCompiler {

  private final ReportingCurrency currency;
  private final CountryCentroids centroids;
  private final SanctionsListFile sanctions;
  private final boolean firstDeviceIsNew;

  /**
   * @param currency the reporting currency every amount parameter is in
   * @param centroids country centres, for {@code IMPOSSIBLE_TRAVEL}
   * @param sanctions the sanctions list in force, for {@code SANCTIONS_MATCH}
   * @param firstDeviceIsNew whether an account's first device counts as new ({@code
   *     NEW_DEVICE_HIGH_VALUE})
   */
  public RuleCompiler(
      ReportingCurrency currency,
      CountryCentroids centroids,
      SanctionsListFile sanctions,
      boolean firstDeviceIsNew) {
    this.currency = currency;
    this.centroids = centroids;
    this.sanctions = sanctions;
    this.firstDeviceIsNew = firstDeviceIsNew;
  }

  /** The reporting currency its rules work in. */
  public ReportingCurrency currency() {
    return currency;
  }

  /**
   * Compiles {@code definition}.
   *
   * @throws InvalidRuleDefinition when it is not a known rule or a parameter is unusable
   */
  public ActiveRule compile(RuleDefinition definition) {
    if (definition.rule() == null || RuleCatalog.entry(definition.rule()).isEmpty()) {
      throw new InvalidRuleDefinition("not a known rule");
    }
    if (definition.version() < 1) {
      throw new InvalidRuleDefinition(definition.rule() + " has a version below 1");
    }
    if (definition.score() < 0) {
      throw new InvalidRuleDefinition(definition.rule() + " has a negative score");
    }
    if (definition.severity() == null) {
      throw new InvalidRuleDefinition(definition.rule() + " has no severity");
    }
    ScreeningRule rule = rule(definition.rule(), new RuleParameters(definition));
    return new ActiveRule(
        rule,
        definition.version(),
        definition.enabled(),
        definition.score(),
        definition.severity());
  }

  /** The rule with its shipped defaults (version 1). */
  public ActiveRule defaults(String id) {
    return compile(RuleCatalog.entry(id).orElseThrow().defaults());
  }

  private ScreeningRule rule(String id, RuleParameters p) {
    return switch (id) {
      case RuleCatalog.LARGE_AMOUNT -> new LargeAmountRule(p.amountCents("threshold"), currency);
      case RuleCatalog.STRUCTURING -> structuring(p);
      case RuleCatalog.VELOCITY_COUNT ->
          new VelocityCountRule(p.count("max-count"), p.duration("window"));
      case RuleCatalog.VELOCITY_AMOUNT ->
          new VelocityAmountRule(p.amountCents("max-amount"), p.duration("window"), currency);
      case RuleCatalog.AMOUNT_ANOMALY ->
          new AmountAnomalyRule(
              p.positive("std-devs").doubleValue(), p.count("min-history"), currency);
      case RuleCatalog.IMPOSSIBLE_TRAVEL ->
          new ImpossibleTravelRule(p.positive("max-speed-kmh").doubleValue(), centroids);
      case RuleCatalog.NEW_DEVICE_HIGH_VALUE ->
          new NewDeviceHighValueRule(p.amountCents("min-amount"), firstDeviceIsNew, currency);
      case RuleCatalog.DORMANT_REACTIVATION ->
          new DormantReactivationRule(
              p.duration("dormant-for"), p.amountCents("min-amount"), currency);
      case RuleCatalog.RAPID_PASS_THROUGH ->
          new RapidPassThroughRule(p.positive("min-ratio"), p.duration("window"), currency);
      case RuleCatalog.SANCTIONS_MATCH -> sanctions(p);
      case RuleCatalog.HIGH_RISK_COUNTRY -> new HighRiskCountryRule(p.countries("countries"));
      default -> throw new InvalidRuleDefinition("not a known rule");
    };
  }

  private ScreeningRule structuring(RuleParameters p) {
    long min = p.amountCents("min-amount");
    long max = p.amountCents("max-amount");
    if (max < min) {
      throw new InvalidRuleDefinition(
          "parameter 'max-amount' of STRUCTURING is below 'min-amount'");
    }
    return new StructuringRule(min, max, p.count("min-count"), p.duration("window"), currency);
  }

  private ScreeningRule sanctions(RuleParameters p) {
    BigDecimal similarity = p.positive("min-similarity");
    if (similarity.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidRuleDefinition(
          "parameter 'min-similarity' of SANCTIONS_MATCH is not between 0 and 1");
    }
    return new SanctionsMatchRule(similarity.doubleValue(), sanctions);
  }
}
