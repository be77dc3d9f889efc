package dev.flowlet.events;

import java.time.Instant;
import java.util.Map;

/**
 * One approved version of a screening rule's configuration: the value of {@code flowlet.rules.v1},
 * keyed by rule id. The topic is compacted, so it holds the latest approved version of each rule;
 * the full history of proposals and approvals is in the audit trail.
 *
 * @param schemaVersion version of this record's schema
 * @param rule the rule id, e.g. {@code VELOCITY_COUNT}
 * @param version increases by one with every approved change; decisions name the version they used
 * @param enabled whether the rule runs at all
 * @param score the weight a hit adds to the decision's score
 * @param severity the severity of the alerts it raises
 * @param parameters the rule's own parameters by name, as strings (amounts as decimal strings,
 *     durations in ISO-8601 such as {@code PT10M})
 * @param changeId the approved change request that produced this version
 * @param proposedBy who proposed the change
 * @param approvedBy who approved it (never the proposer)
 * @param approvedAt when it was approved
 */
public record RuleDefinition(
    int schemaVersion,
    String rule,
    long version,
    boolean enabled,
    int score,
    Alert.Severity severity,
    Map<String, String> parameters,
    String changeId,
    String proposedBy,
    String approvedBy,
    Instant approvedAt) {

  public static final int SCHEMA_VERSION = 1;
}
