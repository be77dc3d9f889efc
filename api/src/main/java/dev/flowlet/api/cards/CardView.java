package dev.flowlet.api.cards;

/**
 * A card as every answer but the audited reveal shows it: the first six and the last four digits,
 * which PCI DSS allows to be displayed, and the masked number.
 *
 * @param bin issuer identification number, the first six digits
 * @param last4 the last four digits
 * @param masked e.g. {@code 411111******1111}
 */
public record CardView(String bin, String last4, String masked) {

  /** The view of a stored card, or null for a transaction without one. */
  public static CardView of(String bin, String last4, Integer length) {
    if (bin == null || last4 == null || length == null) {
      return null;
    }
    return new CardView(bin, last4, mask(bin, last4, length));
  }

  static String mask(String bin, String last4, int length) {
    return bin + "*".repeat(length - bin.length() - last4.length()) + last4;
  }
}
