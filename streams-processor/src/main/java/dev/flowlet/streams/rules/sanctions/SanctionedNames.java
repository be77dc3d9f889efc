package dev.flowlet.streams.rules.sanctions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Puts names into the form they are compared in: accents and case dropped, punctuation turned into
 * spaces (apostrophes dropped), and the words sorted, so that {@code "NASRALLAH, Hasan"} and {@code
 * "Hasan Nasrallah"} compare equal.
 */
final class SanctionedNames {

  private SanctionedNames() {}

  static String normalise(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder plain = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019' || c == '`') {
        continue;
      }
      switch (c) {
        case 'ß' -> plain.append("ss");
        case 'æ', 'Æ' -> plain.append("ae");
        case 'œ', 'Œ' -> plain.append("oe");
        case 'ø', 'Ø' -> plain.append('o');
        case 'ł', 'Ł' -> plain.append('l');
        case 'đ', 'Đ' -> plain.append('d');
        default -> plain.append(Character.isLetterOrDigit(c) ? c : ' ');
      }
    }
    String[] words = plain.toString().toLowerCase(Locale.ROOT).trim().split("\\s+");
    Arrays.sort(words);
    return String.join(" ", words).trim();
  }
}
