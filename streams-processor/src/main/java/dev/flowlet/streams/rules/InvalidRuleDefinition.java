package dev.flowlet.streams.rules;

/**
 * A rule definition that cannot be used. The message names the rule and the parameter at fault but
 * never the value, so it can be logged.
 */
public final class InvalidRuleDefinition extends RuntimeException {

  public InvalidRuleDefinition(String message) {
    super(message);
  }
}
