package dev.flowlet.streams.rules.sanctions;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * One loaded sanctions list, matched by Jaro-Winkler similarity of normalised names. Reads the
 * format of the US OFAC {@code SDN.csv} (no header; entity number, name, type, program, ...; empty
 * fields {@code -0-}); aliases ({@code ALT.csv}) are not read. Results are cached per name, since
 * the same counterparties come back again and again.
 */
public final class SanctionsList {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final int CACHE_LIMIT = 50_000;

  private final String source;
  private final List<Entry> entries;
  private final Map<String, Optional<Match>> cache = new ConcurrentHashMap<>();

  private SanctionsList(String source, List<Entry> entries) {
    this.source = source;
    this.entries = List.copyOf(entries);
  }

  /**
   * One entry of the list.
   *
   * @param id its number on the list
   * @param name its name as listed
   * @param program the sanctions program(s)
   * @param normalised the name in compared form
   */
  public record Entry(String id, String name, String program, String normalised) {}

  /**
   * A counterparty name that is close enough to an entry.
   *
   * @param entry the entry
   * @param similarity Jaro-Winkler similarity of the normalised names, 0 to 1
   */
  public record Match(Entry entry, double similarity) {}

  /** Reads an OFAC SDN.csv; rows whose first field is not an entity number are skipped. */
  public static SanctionsList readSdnCsv(Reader csv, String source) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (CSVReader reader = new CSVReader(csv)) {
      for (String[] row : reader.readAll()) {
        if (row.length < 2 || !row[0].trim().matches("\\d+")) {
          continue;
        }
        String name = row[1].trim();
        String program = row.length > 3 ? empty(row[3]) : "";
        String normalised = SanctionedNames.normalise(name);
        if (!normalised.isEmpty()) {
          entries.add(new Entry(row[0].trim(), name, program, normalised));
        }
      }
    } catch (CsvException e) {
      throw new IOException("Sanctions list " + source + " is not valid CSV: " + e.getMessage(), e);
    }
    return new SanctionsList(source, entries);
  }

  /** Where the list was read from. */
  public String source() {
    return source;
  }

  public int size() {
    return entries.size();
  }

  /** The entry most similar to {@code name}, if at least {@code minSimilarity} similar. */
  public Optional<Match> bestMatch(String name, double minSimilarity) {
    String key = minSimilarity + "\u0000" + name;
    Optional<Match> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<Match> match = search(SanctionedNames.normalise(name), minSimilarity);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, match);
    return match;
  }

  private Optional<Match> search(String normalised, double minSimilarity) {
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    Entry best = null;
    double bestSimilarity = -1;
    for (Entry entry : entries) {
      if (!couldReach(normalised.length(), entry.normalised().length(), minSimilarity)) {
        continue;
      }
      double similarity = JARO_WINKLER.apply(normalised, entry.normalised());
      if (similarity > bestSimilarity) {
        best = entry;
        bestSimilarity = similarity;
      }
    }
    return best != null && bestSimilarity >= minSimilarity
        ? Optional.of(new Match(best, bestSimilarity))
        : Optional.empty();
  }

  /**
   * Whether two names of these lengths can be {@code minSimilarity} similar at all: Jaro is at most
   * (2 + shorter/longer) / 3, and Winkler's prefix bonus adds at most 0.4 of what is left.
   */
  private static boolean couldReach(int length, int otherLength, double minSimilarity) {
    double ratio = (double) Math.min(length, otherLength) / Math.max(length, otherLength);
    double jaro = (2 + ratio) / 3;
    return 0.6 * jaro + 0.4 >= minSimilarity;
  }

  private static String empty(String field) {
    String value = field.trim();
    return value.equals("-0-") ? "" : value;
  }
}
