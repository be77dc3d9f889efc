package dev.flowlet.streams.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.streams.rules.evaluation.Movement;
import dev.flowlet.streams.rules.evaluation.MovementType;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScreeningInputSerdeTest {

  private final ScreeningInputSerde serde = new ScreeningInputSerde();

  @Test
  void aMovementCrossesTheRepartitionTopicUnchanged() {
    ScreeningInput input =
        new ScreeningInput(
            false,
            new Movement(
                "tx-1",
                "acc-1",
                "cus-1",
                MovementType.CARD_PAYMENT,
                new BigDecimal("1234567890.1234"),
                "JPY",
                762_079_000_000L,
                Instant.parse("2026-11-26T12:00:00.123456789Z"),
                "Café Müller – Zürich",
                "CH",
                "DE",
                "phone-ü"));

    ScreeningInput read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", input));

    assertThat(read).isEqualTo(input);
  }

  @Test
  void aCreditLegWithoutCounterpartyOrChannelCrossesToo() {
    ScreeningInput input =
        new ScreeningInput(
            true,
            new Movement(
                "tx-2",
                "acc-2",
                "cus-2",
                MovementType.TRANSFER,
                new BigDecimal("10.00"),
                "EUR",
                1_000,
                Instant.parse("2026-11-26T12:00:00Z"),
                null,
                null,
                null,
                null));

    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", input)))
        .isEqualTo(input);
  }
}
