package dev.flowlet.streams.screening;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
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

/**
 * The screening topology, built separately from running it. Every processor is named so that state
 * and offsets survive redeploys of a changed topology.
 *
 * <pre>
 * transactions -> parse -+-> screen -> decisions (by transaction id)
 *                        |          -> alerts    (by alert id)
 *                        |          -> audit     (by chain id)
 *                        +-> dead letters (unreadable records, with the error)
 * </pre>
 */
public final class TransactionScreeningTopology {

  private TransactionScreeningTopology() {}

  /** A complete topology, for tests and tools. */
  public static Topology build(Screening screening) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, screening);
    return builder.build();
  }

  /** Adds the screening streams to {@code builder}; returns the stream of raw transactions. */
  public static KStream<String, byte[]> addTo(StreamsBuilder builder, Screening screening) {
    KStream<String, byte[]> transactions =
        builder.stream(
            Topics.TRANSACTIONS.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("transactions-source"));
    KStream<String, ParsedTransaction> parsed =
        transactions.processValues(ParseTransaction::new, Named.as("parse-transaction"));

    Map<String, KStream<String, ParsedTransaction>> branches =
        parsed
            .split(Named.as("parsed-"))
            .branch((key, value) -> value.readable(), Branched.as("readable"))
            .defaultBranch(Branched.as("unreadable"));

    branches
        .get("parsed-unreadable")
        .mapValues(ParsedTransaction::deadLetter, Named.as("to-dead-letter"))
        .to(
            Topics.DLQ.name(),
            Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde()).withName("dlq-sink"));

    KStream<String, Screening.Screened> screened =
        branches
            .get("parsed-readable")
            .mapValues(value -> screening.screen(value.transaction()), Named.as("screen"));

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
}
