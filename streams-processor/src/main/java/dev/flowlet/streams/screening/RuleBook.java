package dev.flowlet.streams.screening;

import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topics;
import dev.flowlet.streams.rules.ActiveRule;
import dev.flowlet.streams.rules.InvalidRuleDefinition;
import dev.flowlet.streams.rules.RuleCompiler;
import dev.flowlet.streams.rules.RuleSet;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force for one stream task, read from the global store of accepted definitions before
 * every record. Only a definition whose bytes changed is compiled again, so a new definition is
 * used from the very next record at the cost of a few in-memory look-ups per record.
 */
final class RuleBook {

  private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

  private final ReadOnlyKeyValueStore<String, byte[]> definitions;
  private final RuleCompiler compiler;
  private final List<String> ids;
  private final byte[][] seen;
  private RuleSet current;

  RuleBook(ReadOnlyKeyValueStore<String, byte[]> definitions, RuleCompiler compiler) {
    this.definitions = definitions;
    this.compiler = compiler;
    this.ids = RuleCatalog.entries().stream().map(RuleCatalog.Entry::id).toList();
    this.seen = new byte[ids.size()][];
    this.current = RuleSet.defaults(compiler);
  }

  RuleSet current() {
    for (int i = 0; i < seen.length; i++) {
      byte[] bytes = definitions.get(ids.get(i));
      if (!Arrays.equals(bytes, seen[i])) {
        seen[i] = bytes;
        current = current.with(compile(ids.get(i), bytes));
      }
    }
    return current;
  }

  private ActiveRule compile(String id, byte[] bytes) {
    if (bytes == null) {
      return compiler.defaults(id);
    }
    try {
      RuleDefinition definition =
          Topics.RULES.valueSerde().deserializer().deserialize(Topics.RULES.name(), bytes);
      return compiler.compile(definition);
    } catch (SerializationException | InvalidRuleDefinition e) {
      // The global store only holds definitions that compiled; this is a bug, not bad input.
      log.error("Accepted definition of rule {} does not compile; using its defaults", id);
      return compiler.defaults(id);
    }
  }
}
