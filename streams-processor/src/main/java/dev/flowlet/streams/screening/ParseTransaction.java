package dev.flowlet.streams.screening;

import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads transaction records. One that cannot be read, or lacks what the rules need, becomes a dead
 * letter with its position and the error, so a poison record never stops the stream.
 */
class ParseTransaction implements FixedKeyProcessor<String, byte[], ParsedTransaction> {

  private final TransactionCheck check;
  private FixedKeyProcessorContext<String, ParsedTransaction> context;

  ParseTransaction(TransactionCheck check) {
    this.check = check;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ParsedTransaction> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String error;
    try {
      TransactionRecorded transaction =
          Topics.TRANSACTIONS
              .valueSerde()
              .deserializer()
              .deserialize(Topics.TRANSACTIONS.name(), record.value());
      error = check.problem(transaction);
      if (error == null) {
        context.forward(record.withValue(new ParsedTransaction(check.route(transaction), null)));
        return;
      }
    } catch (SerializationException e) {
      error = e.getMessage();
    }
    var metadata = context.recordMetadata();
    DeadLetter letter =
        DeadLetter.of(
            metadata.map(m -> m.topic()).orElse(Topics.TRANSACTIONS.name()),
            metadata.map(m -> m.partition()).orElse(-1),
            metadata.map(m -> m.offset()).orElse(-1L),
            record.key(),
            record.value(),
            error,
            Instant.ofEpochMilli(record.timestamp()));
    context.forward(record.withValue(new ParsedTransaction(null, letter)));
  }
}
