package dev.flowlet.streams.rules.travel;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The approximate centre of every country (ISO 3166-1 alpha-2), and great-circle distances between
 * them. The shipped table {@code country-centroids.csv} comes from the {@code world-countries}
 * package (version 5.1.0, its {@code cca2} and {@code latlng}, ODbL); see the NOTICE beside it.
 */
public final class CountryCentroids {

  /** The shipped table, on the classpath next to this class. */
  public static final String BUNDLED = "country-centroids.csv";

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private final Map<String, double[]> radians;

  private CountryCentroids(Map<String, double[]> radians) {
    this.radians = Map.copyOf(radians);
  }

  /** The shipped table. */
  public static CountryCentroids bundled() {
    try (InputStream in =
        Objects.requireNonNull(
            CountryCentroids.class.getResourceAsStream(BUNDLED), BUNDLED + " is missing")) {
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a CSV with a header and the columns {@code country,latitude,longitude[,name]}. */
  public static CountryCentroids read(Reader csv) throws IOException {
    Map<String, double[]> radians = new HashMap<>();
    try (CSVReader reader = new CSVReader(csv)) {
      List<String[]> rows = reader.readAll();
      for (String[] row : rows.subList(1, rows.size())) {
        if (row.length < 3 || row[0].isBlank()) {
          continue;
        }
        radians.put(
            row[0].trim(),
            new double[] {
              Math.toRadians(Double.parseDouble(row[1].trim())),
              Math.toRadians(Double.parseDouble(row[2].trim()))
            });
      }
    } catch (CsvException e) {
      throw new IOException("Country centroids are not valid CSV: " + e.getMessage(), e);
    }
    return new CountryCentroids(radians);
  }

  public int size() {
    return radians.size();
  }

  public boolean knows(String country) {
    return radians.containsKey(country);
  }

  /** Great-circle (haversine) distance between two countries' centres, if both are known. */
  public OptionalDouble distanceKm(String from, String to) {
    double[] a = radians.get(from);
    double[] b = radians.get(to);
    if (a == null || b == null) {
      return OptionalDouble.empty();
    }
    double dLat = b[0] - a[0];
    double dLon = b[1] - a[1];
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(a[0]) * Math.cos(b[0]) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return OptionalDouble.of(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
  }
}
