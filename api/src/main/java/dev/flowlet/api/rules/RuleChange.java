package dev.flowlet.api.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlet.events.Alert.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A proposed change of one rule: the complete definition it would produce, who proposed it and why,
 * and what became of it.
 *
 * @param baseVersion the version the proposal was made against; approval yields the next one
 * @param resultingVersion the version approval produced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuleChange(
    UUID id,
    String rule,
    long baseVersion,
    boolean enabled,
    int score,
    Severity severity,
    Map<String, String> parameters,
    String reason,
    Status status,
    String proposedBy,
    Instant proposedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionReason,
    Long resultingVersion) {

  enum Status {
    PENDING,
    APPROVED,
    REJECTED
  }
}
