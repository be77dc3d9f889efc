package dev.flowlet.api.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        " 4111 1111-1111 1111 ",
        "5555555555554444",
        "378282246310005",
        "500000000009",
        "1234567890123456785"
      })
  void acceptsLuhnValidNumbersOf12To19DigitsWithSpacesAndDashes(String typed) {
    assertThat(CardNumber.check(typed)).isInstanceOf(CardNumber.Check.Accepted.class);
  }

  @Test
  void dropsSpacesAndDashes() {
    var accepted = (CardNumber.Check.Accepted) CardNumber.check("4111-1111 1111-1111");

    assertThat(accepted.digits()).isEqualTo("4111111111111111");
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertThat(CardNumber.check("4111 1111 1111 1112"))
        .isEqualTo(
            new CardNumber.Check.Refused(
                "is not a valid card number: its check digit does not match"));
  }

  @Test
  void refusesLuhnValidNumbersShorterThan12OrLongerThan19Digits() {
    assertThat(CardNumber.check("79927398713")).isInstanceOf(CardNumber.Check.Refused.class);
    assertThat(CardNumber.check("53000000000000000006"))
        .isInstanceOf(CardNumber.Check.Refused.class);
    assertThat(((CardNumber.Check.Refused) CardNumber.check("79927398713")).reason())
        .isEqualTo("must have 12 to 19 digits, spaces and dashes aside");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"4111.1111.1111.1111", "4111111111111111a", "٤١١١١١١١١١١١١١١١", "4111\t1111"})
  void refusesAnythingButAsciiDigitsSpacesAndDashes(String typed) {
    assertThat(CardNumber.check(typed))
        .isEqualTo(new CardNumber.Check.Refused("must contain only digits, spaces and dashes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesABlankNumber(String typed) {
    assertThat(CardNumber.check(typed)).isEqualTo(new CardNumber.Check.Refused("is required"));
    assertThat(CardNumber.check(null)).isEqualTo(new CardNumber.Check.Refused("is required"));
  }

  @Test
  void reasonsNeverQuoteTheNumber() {
    for (String typed :
        new String[] {"4111111111111112", "41111111111", "4111x111111111111", "4".repeat(25)}) {
      var refused = (CardNumber.Check.Refused) CardNumber.check(typed);
      assertThat(refused.reason()).doesNotContainPattern("[0-9]{5,}");
    }
  }

  @Test
  void masksAllButTheFirstSixAndLastFourDigits() {
    assertThat(new CardNumber("4111111111111111").masked()).isEqualTo("411111******1111");
    assertThat(new CardNumber("500000000009").masked()).isEqualTo("500000**0009");
    assertThat(new CardNumber("1234567890123456785").masked()).isEqualTo("123456*********6785");
    assertThat(new CardNumber("378282246310005").bin()).isEqualTo("378282");
    assertThat(new CardNumber("378282246310005").last4()).isEqualTo("0005");
  }

  @Test
  void showsOnlyTheMaskedNumberInItsTextForm() {
    CardNumber card = new CardNumber("4111111111111111");

    assertThat(card.toString()).isEqualTo("CardNumber[411111******1111]");
    assertThat(CardNumber.check("4111111111111111").toString()).doesNotContain("4111111111111111");
  }

  @Test
  void cannotBeBuiltFromAnInvalidNumber() {
    assertThatThrownBy(() -> new CardNumber("4111111111111112"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("4111111111111112");
  }

  @Test
  void findsCardNumbersInsideFreeText() {
    assertThat(CardNumber.appearsIn("customer disputes 4111 1111 1111 1111 charge")).isTrue();
    assertThat(CardNumber.appearsIn("card 5555-5555-5555-4444, chargeback")).isTrue();
    assertThat(CardNumber.appearsIn("chargeback on case 2024-118, call 0044 20 7946 0000"))
        .isFalse();
    assertThat(CardNumber.appearsIn("card ending 1111, ticket 4111111111111112")).isFalse();
    assertThat(CardNumber.appearsIn(null)).isFalse();
  }
}
