package dev.flowlet.streams.rules;

import dev.flowlet.events.RuleCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules in force, one version of each catalog rule, in catalog order. Immutable: a changed
 * definition makes a new set.
 */
public final class RuleSet {

  private final Map<String, ActiveRule> rules;
  private final List<ActiveRule> enabled;
  private final Map<String, Long> versions;
  private final long longestWindowMillis;

  private RuleSet(Map<String, ActiveRule> rules) {
    this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    List<ActiveRule> on = new ArrayList<>();
    Map<String, Long> used = new LinkedHashMap<>();
    long longest = 0;
    for (ActiveRule rule : rules.values()) {
      if (rule.enabled()) {
        on.add(rule);
        used.put(rule.id(), rule.version());
      }
      longest = Math.max(longest, rule.rule().ownWindow().map(Duration::toMillis).orElse(0L));
    }
    this.enabled = List.copyOf(on);
    this.versions = Collections.unmodifiableMap(used);
    this.longestWindowMillis = longest;
  }

  /**
   * The set of {@code rules}, one per catalog rule; a catalog rule missing from {@code rules} runs
   * with its shipped defaults.
   */
  public static RuleSet of(Map<String, ActiveRule> rules, RuleCompiler compiler) {
    Map<String, ActiveRule> complete = new LinkedHashMap<>();
    for (RuleCatalog.Entry entry : RuleCatalog.entries()) {
      ActiveRule rule = rules.get(entry.id());
      complete.put(entry.id(), rule != null ? rule : compiler.defaults(entry.id()));
    }
    return new RuleSet(complete);
  }

  /** Every catalog rule with its shipped defaults. */
  public static RuleSet defaults(RuleCompiler compiler) {
    return of(Map.of(), compiler);
  }

  /** The rules that run, in catalog order. */
  public List<ActiveRule> enabled() {
    return enabled;
  }

  /** The version of every enabled rule, by rule id: what a decision records. */
  public Map<String, Long> versions() {
    return versions;
  }

  public ActiveRule rule(String id) {
    return rules.get(id);
  }

  /** A new set with {@code rule} in place of the same rule's current version. */
  public RuleSet with(ActiveRule rule) {
    Map<String, ActiveRule> changed = new LinkedHashMap<>(rules);
    changed.put(rule.id(), rule);
    return new RuleSet(changed);
  }

  /** The longest window of any rule, enabled or not: how much movement history to keep. */
  public long longestWindowMillis() {
    return longestWindowMillis;
  }
}
