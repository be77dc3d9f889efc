package dev.flowlet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private final JsonSerde<TransactionRecorded> serde = new JsonSerde<>(TransactionRecorded.class);

  private static TransactionRecorded deposit(String amount) {
    return new TransactionRecorded(
        TransactionRecorded.SCHEMA_VERSION,
        "evt-1",
        "tx-1",
        "acc-1",
        "cus-1",
        "DEPOSIT",
        new BigDecimal(amount),
        "EUR",
        Instant.parse("2026-11-26T10:15:30Z"),
        Instant.parse("2026-11-26T10:15:31Z"),
        new TransactionRecorded.Counterparty("ACME Ltd", "DE"),
        new TransactionRecorded.Channel("DE", "device-7"));
  }

  @Test
  void keepsAmountScaleAndInstantsExactlyOnTheWire() {
    byte[] bytes = serde.serializer().serialize("t", deposit("125.40"));
    String json = new String(bytes, StandardCharsets.UTF_8);

    assertThat(json).contains("\"amount\":\"125.40\"").contains("\"2026-11-26T10:15:30Z\"");
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(deposit("125.40"));
  }

  @Test
  void readsEventsThatGainedFieldsInALaterSchema() {
    String json =
        new String(serde.serializer().serialize("t", deposit("1.00")), StandardCharsets.UTF_8)
            .replaceFirst("\\{", "{\"addedLater\":true,");

    assertThat(serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(deposit("1.00"));
  }

  @Test
  void rejectsAPoisonRecordWithASerializationException() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("flowlet.transactions.v1", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("TransactionRecorded")
        .hasMessageContaining("flowlet.transactions.v1");
  }
}
