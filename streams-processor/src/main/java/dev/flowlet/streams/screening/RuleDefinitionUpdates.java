package dev.flowlet.streams.screening;

import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topics;
import dev.flowlet.streams.rules.ActiveRule;
import dev.flowlet.streams.rules.InvalidRuleDefinition;
import dev.flowlet.streams.rules.RuleCompiler;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of rule definitions: a definition that compiles replaces the rule's
 * previous one; one that does not is logged (rule and parameter, never values) and ignored, so the
 * previous version stays in force and a bad definition can never stop the stream. A tombstone
 * removes the rule's definition, and its shipped defaults apply again. Kafka Streams runs this
 * processor again over the topic when it rebuilds the store, so the store never holds a definition
 * that was refused.
 */
final class RuleDefinitionUpdates implements Processor<String, byte[], Void, Void> {

  private static final Logger log = LoggerFactory.getLogger(RuleDefinitionUpdates.class);

  private final RuleCompiler compiler;
  private KeyValueStore<String, byte[]> definitions;

  RuleDefinitionUpdates(RuleCompiler compiler) {
    this.compiler = compiler;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    definitions = context.getStateStore(ScreeningStores.RULE_DEFINITIONS);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String key = printable(record.key());
    if (record.value() == null) {
      if (record.key() != null && definitions.delete(record.key()) != null) {
        log.info("Definition of rule {} removed; its shipped defaults apply", key);
      }
      return;
    }
    RuleDefinition definition;
    try {
      definition =
          Topics.RULES.valueSerde().deserializer().deserialize(Topics.RULES.name(), record.value());
    } catch (SerializationException e) {
      log.warn("Ignoring a definition of rule {}: not a readable RuleDefinition", key);
      return;
    }
    try {
      if (record.key() != null && !record.key().equals(definition.rule())) {
        throw new InvalidRuleDefinition("its key and its rule id differ");
      }
      ActiveRule rule = compiler.compile(definition);
      definitions.put(definition.rule(), record.value());
      log.info(
          "Rule {} version {} in force ({})",
          rule.id(),
          rule.version(),
          rule.enabled() ? "enabled" : "disabled");
    } catch (InvalidRuleDefinition e) {
      log.warn(
          "Ignoring version {} of rule {}: {}; the previous version stays in force",
          definition.version(),
          key,
          e.getMessage());
    }
  }

  private static String printable(String key) {
    if (key == null) {
      return "(no key)";
    }
    String shown = key.length() > 64 ? key.substring(0, 64) + "..." : key;
    return shown.replaceAll("[^A-Za-z0-9_.-]", "?");
  }
}
