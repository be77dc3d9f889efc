package dev.flowlet.streams.screening;

import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.MovementType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of {@link ScreeningInput} for the internal repartition topic: it is on the
 * hot path twice per transaction, where JSON would cost several times as much. Versioned by its
 * first byte.
 */
final class ScreeningInputSerde implements Serde<ScreeningInput> {

  private static final byte FORMAT = 1;

  @Override
  public Serializer<ScreeningInput> serializer() {
    return (topic, input) -> input == null ? null : encode(input);
  }

  @Override
  public Deserializer<ScreeningInput> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(ScreeningInput input) {
    Movement m = input.movement();
    byte[][] texts = {
      utf8(m.transactionId()),
      utf8(m.accountId()),
      utf8(m.customerId()),
      utf8(m.currency()),
      utf8(m.counterpartyName()),
      utf8(m.counterpartyCountry()),
      utf8(m.channelCountry()),
      utf8(m.deviceId())
    };
    byte[] unscaled = m.amount().unscaledValue().toByteArray();
    int size = 3 + texts.length * Integer.BYTES + Integer.BYTES * 2 + unscaled.length;
    for (byte[] text : texts) {
      size += text == null ? 0 : text.length;
    }
    size += 3 * Long.BYTES + Integer.BYTES;
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.put(FORMAT).put((byte) (input.credit() ? 1 : 0)).put((byte) m.type().ordinal());
    for (byte[] text : texts) {
      if (text == null) {
        buffer.putInt(-1);
      } else {
        buffer.putInt(text.length).put(text);
      }
    }
    buffer.putInt(m.amount().scale()).putInt(unscaled.length).put(unscaled);
    buffer.putLong(m.reportingCents());
    buffer.putLong(m.occurredAt().getEpochSecond()).putInt(m.occurredAt().getNano());
    return buffer.array();
  }

  static ScreeningInput decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte format = buffer.get();
    if (format != FORMAT) {
      throw new SerializationException("Unknown screening input format " + format);
    }
    boolean credit = buffer.get() == 1;
    MovementType type = MovementType.values()[buffer.get()];
    String transactionId = text(buffer);
    String accountId = text(buffer);
    String customerId = text(buffer);
    String currency = text(buffer);
    String counterpartyName = text(buffer);
    String counterpartyCountry = text(buffer);
    String channelCountry = text(buffer);
    String deviceId = text(buffer);
    int scale = buffer.getInt();
    byte[] unscaled = new byte[buffer.getInt()];
    buffer.get(unscaled);
    long reportingCents = buffer.getLong();
    Instant occurredAt = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
    return new ScreeningInput(
        credit,
        new Movement(
            transactionId,
            accountId,
            customerId,
            type,
            new BigDecimal(new BigInteger(unscaled), scale),
            currency,
            reportingCents,
            occurredAt,
            counterpartyName,
            counterpartyCountry,
            channelCountry,
            deviceId));
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length < 0) {
      return null;
    }
    String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return text;
  }
}
