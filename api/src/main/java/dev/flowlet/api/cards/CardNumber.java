package dev.flowlet.api.cards;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A primary account number (PAN) that passed the entry checks: only digits, 12 to 19 of them, and a
 * valid Luhn check digit. {@link #toString()} shows the masked form only, so a log statement or an
 * exception message that mentions a card cannot leak its number.
 */
record CardNumber(String digits) {

  static final int MIN_DIGITS = 12;
  static final int MAX_DIGITS = 19;

  /** PCI DSS lets the first six and the last four digits be shown; never more. */
  static final int BIN_DIGITS = 6;

  static final int LAST_DIGITS = 4;

  /** Runs of digits, spaces and dashes long enough to hold a card number. */
  private static final Pattern CANDIDATE = Pattern.compile("[0-9][0-9 -]{10,}[0-9]");

  CardNumber {
    if (!(check(digits) instanceof Check.Accepted)) {
      throw new IllegalArgumentException("not a valid card number");
    }
  }

  /**
   * The decision on a number as a client typed it: spaces and dashes are dropped, then it must be
   * 12 to 19 digits with a valid check digit. Reasons never quote the number.
   */
  static Check check(String typed) {
    if (typed == null || typed.isBlank()) {
      return new Check.Refused("is required");
    }
    String digits = typed.replace(" ", "").replace("-", "");
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new Check.Refused("must contain only digits, spaces and dashes");
    }
    if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
      return new Check.Refused(
          "must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, spaces and dashes aside");
    }
    if (!passesLuhn(digits)) {
      return new Check.Refused("is not a valid card number: its check digit does not match");
    }
    return new Check.Accepted(digits);
  }

  /** The Luhn (mod 10) check of ISO/IEC 7812: every second digit from the right is doubled. */
  static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether free text (a reason someone typed, say) holds something that passes as a card number,
   * so that it can be refused instead of stored.
   */
  static boolean appearsIn(String text) {
    if (text == null) {
      return false;
    }
    Matcher candidates = CANDIDATE.matcher(text);
    while (candidates.find()) {
      if (check(candidates.group()) instanceof Check.Accepted) {
        return true;
      }
    }
    return false;
  }

  /** The issuer identification number: the first six digits. */
  String bin() {
    return digits.substring(0, BIN_DIGITS);
  }

  String last4() {
    return digits.substring(digits.length() - LAST_DIGITS);
  }

  /** First six and last four digits, the rest as {@code *}: {@code 411111******1111}. */
  String masked() {
    return CardView.mask(bin(), last4(), digits.length());
  }

  @Override
  public String toString() {
    return "CardNumber[" + masked() + "]";
  }

  /** The outcome of {@link #check(String)}. */
  sealed interface Check {

    /** The number is acceptable; {@code digits} holds it without spaces and dashes. */
    record Accepted(String digits) implements Check {

      CardNumber card() {
        return new CardNumber(digits);
      }

      @Override
      public String toString() {
        return "Accepted[" + card().masked() + "]";
      }
    }

    /** Why the number cannot be accepted, in words that do not quote it. */
    record Refused(String reason) implements Check {}
  }
}
