package dev.flowlet.elastic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one installation did to each asset, for the caller's log and for tests.
 *
 * @param lifecycleAvailable whether the cluster has ILM (if not, the retention policy and the
 *     component that attaches it were skipped)
 * @param assets every asset, in installation order
 */
public record InstallReport(boolean lifecycleAvailable, List<Entry> assets) {

  public InstallReport {
    assets = List.copyOf(assets);
  }

  /** What happened to one asset. */
  public enum Outcome {
    /** It was not there and was created. */
    CREATED,
    /** It was there with other content (or not put there by Flowlet) and was replaced. */
    UPDATED,
    /** It was there exactly as Flowlet ships it; nothing was sent. */
    UNCHANGED,
    /** The cluster lacks the feature it needs (ILM). */
    SKIPPED
  }

  /**
   * One asset's outcome.
   *
   * @param kind what it is
   * @param name its name in the cluster
   * @param outcome what the installation did
   */
  public record Entry(AssetKind kind, String name, Outcome outcome) {}

  /** The outcome for the asset of that name, if the report has it. */
  public Optional<Outcome> outcomeOf(String name) {
    return assets.stream().filter(a -> a.name().equals(name)).map(Entry::outcome).findFirst();
  }

  /** Whether the installation sent anything to the cluster. */
  public boolean changedAnything() {
    return assets.stream()
        .anyMatch(a -> a.outcome() == Outcome.CREATED || a.outcome() == Outcome.UPDATED);
  }

  /** For example {@code created [flowlet-alerts], unchanged [flowlet-settings, ...]}. */
  public String summary() {
    Map<Outcome, List<String>> byOutcome =
        assets.stream()
            .collect(
                Collectors.groupingBy(
                    Entry::outcome,
                    TreeMap::new,
                    Collectors.mapping(Entry::name, Collectors.toList())));
    return byOutcome.entrySet().stream()
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
