package dev.flowlet.streams.screening;

import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.EventJson;
import dev.flowlet.streams.rules.Evaluation;
import dev.flowlet.streams.rules.RuleEngine;
import dev.flowlet.streams.rules.RuleSet;
import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import dev.flowlet.streams.rules.evaluation.Movement;
import java.time.Instant;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens the movements of the customers of one partition: loads the account's and the customer's
 * history, runs the rules in force, stores the updated histories and forwards the decision. A
 * credit leg only updates the credited account's history. A movement the rules fail on becomes a
 * dead letter and leaves the histories as they were.
 */
final class ScreenTransaction
    implements Processor<String, ScreeningInput, String, ScreeningOutcome> {

  private static final Logger log = LoggerFactory.getLogger(ScreenTransaction.class);

  private final Screening screening;
  private final RuleEngine engine;
  private ProcessorContext<String, ScreeningOutcome> context;
  private KeyValueStore<String, AccountHistory> accounts;
  private KeyValueStore<String, CustomerHistory> customers;
  private RuleBook rules;

  ScreenTransaction(Screening screening) {
    this.screening = screening;
    this.engine = screening.engine();
  }

  @Override
  public void init(ProcessorContext<String, ScreeningOutcome> context) {
    this.context = context;
    this.accounts = context.getStateStore(ScreeningStores.ACCOUNT_HISTORY);
    this.customers = context.getStateStore(ScreeningStores.CUSTOMER_HISTORY);
    this.rules =
        new RuleBook(context.getStateStore(ScreeningStores.RULE_DEFINITIONS), screening.compiler());
  }

  @Override
  public void process(Record<String, ScreeningInput> record) {
    RuleSet ruleSet = rules.current();
    Movement movement = record.value().movement();
    AccountHistory account = accounts.get(movement.accountId());
    if (account == null) {
      account = new AccountHistory();
    }
    if (record.value().credit()) {
      engine.credit(ruleSet, account, movement.at(), movement.reportingCents());
      accounts.put(movement.accountId(), account);
      return;
    }
    CustomerHistory customer = customers.get(movement.customerId());
    if (customer == null) {
      customer = new CustomerHistory();
    }
    Screening.Screened screened;
    try {
      Evaluation evaluation = engine.screen(ruleSet, movement, account, customer);
      screened = screening.decide(movement, evaluation);
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      context.forward(record.withValue(new ScreeningOutcome(null, deadLetter(record, e))));
      return;
    }
    accounts.put(movement.accountId(), account);
    customers.put(movement.customerId(), customer);
    context.forward(record.withValue(new ScreeningOutcome(screened, null)));
  }

  private DeadLetter deadLetter(Record<String, ScreeningInput> record, RuntimeException e) {
    Movement movement = record.value().movement();
    log.error(
        "Screening failed on transaction {}; sent to the dead-letter topic",
        movement.transactionId(),
        e);
    var metadata = context.recordMetadata();
    return DeadLetter.of(
        metadata.map(m -> m.topic()).orElse("transactions-by-customer"),
        metadata.map(m -> m.partition()).orElse(-1),
        metadata.map(m -> m.offset()).orElse(-1L),
        movement.accountId(),
        EventJson.mapper().writeValueAsBytes(movement),
        "Screening failed: " + e.getClass().getSimpleName(),
        Instant.ofEpochMilli(record.timestamp()));
  }
}
