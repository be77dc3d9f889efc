package dev.flowlet.batch.reconciliation;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Opening statement files: UTF-8 (malformed bytes are an error, not silently replaced), a leading
 * byte-order mark skipped, RFC 4180 records with the configured separator. Also their SHA-256,
 * which identifies a statement's content across runs.
 */
final class StatementFiles {

  /** Records spanning more physical lines are malformed (an unclosed quote, most likely). */
  static final int MULTILINE_LIMIT = 20;

  private static final int BUFFER = 64 * 1024;

  private StatementFiles() {}

  static CSVReader open(Path file, StatementFormat format) throws IOException {
    InputStream in = Files.newInputStream(file);
    Reader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            BUFFER);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return new CSVReaderBuilder(reader)
        .withCSVParser(new RFC4180ParserBuilder().withSeparator(format.separator()).build())
        .withMultilineLimit(MULTILINE_LIMIT)
        .build();
  }

  /** Hex SHA-256 of the file's bytes. */
  static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[BUFFER];
      while (in.read(buffer) != -1) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The header's columns, or why the file cannot be a statement in this format. */
  static StatementColumns columns(Path file, StatementFormat format) {
    try (CSVReader csv = open(file, format)) {
      String[] header = csv.readNext();
      if (header == null) {
        throw new StatementFormatException("The file is empty: it has no header row");
      }
      return StatementColumns.of(header, format);
    } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
      throw new StatementFormatException("The header row cannot be read: " + e.getMessage());
    }
  }
}
