package dev.flowlet.api.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.api.problems.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardEntryTest {

  private static final CardInput VISA = CardInput.of("4111 1111 1111 1111");

  @Test
  void acceptsACardPaymentWithAValidCard() {
    assertThat(CardEntry.decide("CARD_PAYMENT", VISA))
        .isEqualTo(new CardEntry.Decision.Accepted(new CardNumber("4111111111111111")));
  }

  @Test
  void requiresACardForACardPayment() {
    assertThat(CardEntry.decide("CARD_PAYMENT", null))
        .isEqualTo(refused("card.number", "is required for a CARD_PAYMENT"));
    assertThat(CardEntry.decide("CARD_PAYMENT", CardInput.of(null)))
        .isEqualTo(refused("card.number", "is required"));
  }

  @Test
  void takesARefundWithOrWithoutACard() {
    assertThat(CardEntry.decide("REFUND", null)).isEqualTo(new CardEntry.Decision.NoCard());
    assertThat(CardEntry.decide("REFUND", VISA)).isInstanceOf(CardEntry.Decision.Accepted.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEPOSIT", "WITHDRAWAL", "TRANSFER"})
  void refusesACardOnOtherMovements(String type) {
    assertThat(CardEntry.decide(type, VISA))
        .isEqualTo(refused("card", "is not accepted for a " + type));
    assertThat(CardEntry.decide(type, null)).isEqualTo(new CardEntry.Decision.NoCard());
  }

  @Test
  void refusesAnInvalidNumberOnCardNumber() {
    assertThat(CardEntry.decide("CARD_PAYMENT", CardInput.of("4111 1111 1111 1112")))
        .isEqualTo(
            refused("card.number", "is not a valid card number: its check digit does not match"));
  }

  @Test
  void refusesWrongJsonShapesWithoutQuotingThem() {
    assertThat(CardEntry.decide("CARD_PAYMENT", new CardInput(null, CardInput.Shape.NOT_AN_OBJECT)))
        .isEqualTo(refused("card", "must be an object with a string \"number\""));
    assertThat(
            CardEntry.decide(
                "CARD_PAYMENT", new CardInput(null, CardInput.Shape.NUMBER_NOT_A_STRING)))
        .isEqualTo(refused("card.number", "must be a JSON string"));
  }

  private static CardEntry.Decision refused(String field, String message) {
    return new CardEntry.Decision.Refused(List.of(new FieldError(field, message)));
  }
}
