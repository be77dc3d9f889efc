package dev.flowlet.api.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CardInputTest {

  private final JsonMapper json = JsonMapper.builder().build();

  record Request(String type, CardInput card) {}

  @Test
  void readsTheNumberOfACardObject() {
    Request request = read("{\"type\":\"CARD_PAYMENT\",\"card\":{\"number\":\"4111 1111\"}}");

    assertThat(request.card()).isEqualTo(CardInput.of("4111 1111"));
  }

  @Test
  void readsNullOrAbsentCardAsNoCard() {
    assertThat(read("{\"type\":\"REFUND\",\"card\":null}").card()).isNull();
    assertThat(read("{\"type\":\"REFUND\"}").card()).isNull();
  }

  @Test
  void acceptsWrongShapesSoThatTheParserNeverQuotesThem() {
    assertThat(read("{\"card\":\"4111111111111111\"}").card().shape())
        .isEqualTo(CardInput.Shape.NOT_AN_OBJECT);
    assertThat(read("{\"card\":[\"4111111111111111\"]}").card().shape())
        .isEqualTo(CardInput.Shape.NOT_AN_OBJECT);
    assertThat(read("{\"card\":{\"number\":4111111111111111}}").card().shape())
        .isEqualTo(CardInput.Shape.NUMBER_NOT_A_STRING);
    assertThat(read("{\"card\":{\"number\":{\"digits\":\"4111111111111111\"}}}").card().shape())
        .isEqualTo(CardInput.Shape.NUMBER_NOT_A_STRING);
    assertThat(read("{\"card\":{\"number\":[\"4111111111111111\"]}}").card().shape())
        .isEqualTo(CardInput.Shape.NUMBER_NOT_A_STRING);
  }

  @Test
  void neverWritesTheNumberBackOut() {
    String written =
        json.writeValueAsString(new Request("CARD_PAYMENT", CardInput.of("4111111111111111")));

    assertThat(written).isEqualTo("{\"type\":\"CARD_PAYMENT\",\"card\":{}}");
    assertThat(CardInput.of("4111111111111111").toString()).doesNotContain("4111");
  }

  private Request read(String body) {
    return json.readValue(body, Request.class);
  }
}
