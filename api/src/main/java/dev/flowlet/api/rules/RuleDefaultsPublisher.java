package dev.flowlet.api.rules;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.outbox.Outbox;
import dev.flowlet.events.RuleCatalog;
import dev.flowlet.events.RuleDefinition;
import dev.flowlet.events.Topics;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On start, records version 1 (the shipped defaults) of every rule that has no approved version yet
 * and publishes it to {@code flowlet.rules.v1}. Safe with several API instances: a version is
 * inserted once, and only the instance that inserted it publishes it.
 */
@Component
class RuleDefaultsPublisher implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RuleDefaultsPublisher.class);
  static final Actor SYSTEM = new Actor("flowlet-api", "SYSTEM", null, null);

  private final RuleDefinitions definitions;
  private final Outbox outbox;
  private final AuditTrail audit;

  RuleDefaultsPublisher(RuleDefinitions definitions, Outbox outbox, AuditTrail audit) {
    this.definitions = definitions;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    int published = 0;
    for (RuleCatalog.Entry entry : RuleCatalog.entries()) {
      RuleDefinition defaults = entry.defaults();
      if (definitions.insert(defaults)) {
        outbox.append(Topics.RULES, defaults.rule(), defaults);
        audit.record(
            SYSTEM,
            "rule.defaults_published",
            "rule",
            defaults.rule(),
            null,
            Outcome.SUCCESS,
            Map.of("version", Long.toString(defaults.version())));
        published++;
      }
    }
    if (published > 0) {
      log.info("Published the shipped defaults of {} screening rules", published);
    }
  }
}
