package dev.flowlet.api.cards;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads {@code flowlet.api.cards.keys} from one string, {@code id=base64[,id=base64...]}, the form
 * a single environment variable ({@code FLOWLET_CARD_KEYS}) or a secrets manager can supply.
 */
final class CardKeysConverter implements Converter<String, Map<String, String>> {

  @Override
  public Map<String, String> convert(String source) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String entry : source.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      // A malformed entry (no id: a bare key, whose base64 padding is no separator) is kept under
      // an empty id, which CardKeyRing refuses without quoting: throwing here would let the
      // conversion error quote the whole value, key material included.
      int equals = entry.indexOf('=');
      String key = entry.substring(equals + 1).strip();
      boolean bareKey = equals < 0 || key.replace("=", "").isEmpty();
      keys.put(bareKey ? "" : entry.substring(0, equals).strip(), bareKey ? entry.strip() : key);
    }
    return keys;
  }
}
