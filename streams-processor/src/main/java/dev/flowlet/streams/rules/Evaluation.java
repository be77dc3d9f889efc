package dev.flowlet.streams.rules;

import java.util.List;
import java.util.Map;

/**
 * What the rules found on one movement.
 *
 * @param hits every rule that fired, in catalog order
 * @param ruleVersions the version of every rule that ran, by rule id
 */
public record Evaluation(List<RuleHit> hits, Map<String, Long> ruleVersions) {}
