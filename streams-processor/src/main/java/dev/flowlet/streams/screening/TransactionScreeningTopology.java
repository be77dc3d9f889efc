package dev.flowlet.streams.screening;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.RiskDecision;
import dev.flowlet.events.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The screening topology, built separately from running it. Every processor, store and the
 * repartition topic is named, so that state and offsets survive redeploys of a changed topology.
 *
 * <pre>
 * transactions -> parse -+-> route by customer (+ credit leg of a transfer to the credited customer)
 *   (by account)         |     -> transactions-by-customer (repartition)
 *                        |     -> screen [account-history, customer-history, rule-definitions]
 *                        |          -> decisions (by transaction id)
 *                        |          -> alerts    (by alert id)
 *                        |          -> audit     (by chain id)
 *                        |          -> dead letters (rules failed)
 *                        +-> dead letters (unreadable or invalid records, with the error)
 * rules topic -> rule-definitions (global store: every instance sees every rule)
 * </pre>
 *
 * <p>Repartitioning by customer puts all movements of a customer, across their accounts, on one
 * task, as customer rules need; an account belongs to one customer, so its movements keep their
 * order. Output records keep the input's Kafka timestamp: event time lives in the payload.
 */
public final class TransactionScreeningTopology {

  /**
   * Name of the repartition topic's processor; the topic is {@code <app id>-<name>-repartition}.
   */
  static final String BY_CUSTOMER = "transactions-by-customer";

  private TransactionScreeningTopology() {}

  /** A complete topology, for tests and tools. */
  public static Topology build(Screening screening) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, screening);
    return builder.build();
  }

  /** Adds the screening streams to {@code builder}; returns the stream of raw transactions. */
  public static KStream<String, byte[]> addTo(StreamsBuilder builder, Screening screening) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ScreeningStores.RULE_DEFINITIONS),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled(),
        Topics.RULES.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("rules-source"),
        () -> new RuleDefinitionUpdates(screening.compiler()));
    // No record cache in front of the history stores: with exactly-once every 100 ms commit
    // flushes it, accounts rarely repeat within one commit, and its sorted byte-array maps cost
    // more than the changelog writes it saves (measured with the rule-engine benchmark).
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ScreeningStores.ACCOUNT_HISTORY),
                Serdes.String(),
                HistorySerdes.accounts())
            .withCachingDisabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ScreeningStores.CUSTOMER_HISTORY),
                Serdes.String(),
                HistorySerdes.customers())
            .withCachingDisabled());

    KStream<String, byte[]> transactions =
        builder.stream(
            Topics.TRANSACTIONS.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("transactions-source"));
    Map<String, KStream<String, ParsedTransaction>> parsed =
        transactions
            .processValues(
                () -> new ParseTransaction(screening.check()), Named.as("parse-transaction"))
            .split(Named.as("parsed-"))
            .branch((key, value) -> value.readable(), Branched.as("readable"))
            .defaultBranch(Branched.as("unreadable"));
    toDeadLetters(
        parsed
            .get("parsed-unreadable")
            .mapValues(ParsedTransaction::deadLetter, Named.as("to-dead-letter")),
        "dlq-sink");

    Map<String, KStream<String, ScreeningOutcome>> outcomes =
        parsed
            .get("parsed-readable")
            .flatMap(
                (key, value) ->
                    value.routed().stream()
                        .map(routed -> KeyValue.pair(routed.customerId(), routed.input()))
                        .toList(),
                Named.as("route-by-customer"))
            .repartition(
                Repartitioned.<String, ScreeningInput>as(BY_CUSTOMER)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new ScreeningInputSerde()))
            .process(
                () -> new ScreenTransaction(screening),
                Named.as("screen"),
                ScreeningStores.ACCOUNT_HISTORY,
                ScreeningStores.CUSTOMER_HISTORY)
            .split(Named.as("screened-"))
            .branch((key, value) -> value.decided(), Branched.as("decided"))
            .defaultBranch(Branched.as("failed"));
    toDeadLetters(
        outcomes
            .get("screened-failed")
            .mapValues(ScreeningOutcome::deadLetter, Named.as("failure-to-dead-letter")),
        "screening-dlq-sink");

    KStream<String, Screening.Screened> screened =
        outcomes.get("screened-decided").mapValues(ScreeningOutcome::screened, Named.as("decided"));
    screened
        .map(
            (key, value) -> KeyValue.pair(value.decision().transactionId(), value.decision()),
            Named.as("decision-by-transaction"))
        .to(
            Topics.RISK_DECISIONS.name(),
            Produced.<String, RiskDecision>with(
                    Topics.RISK_DECISIONS.keySerde(), Topics.RISK_DECISIONS.valueSerde())
                .withName("decisions-sink"));
    screened
        .flatMap(
            (key, value) ->
                value.alerts().stream()
                    .map(alert -> KeyValue.pair(alert.alertId(), alert))
                    .toList(),
            Named.as("alerts-by-id"))
        .to(
            Topics.ALERTS.name(),
            Produced.<String, Alert>with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                .withName("alerts-sink"));
    screened
        .map(
            (key, value) -> KeyValue.pair(value.audit().chainId(), value.audit()),
            Named.as("audit-by-chain"))
        .to(
            Topics.AUDIT.name(),
            Produced.<String, AuditEvent>with(Topics.AUDIT.keySerde(), Topics.AUDIT.valueSerde())
                .withName("audit-sink"));
    return transactions;
  }

  private static void toDeadLetters(KStream<String, DeadLetter> letters, String sinkName) {
    letters.to(
        Topics.DLQ.name(),
        Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde()).withName(sinkName));
  }
}
