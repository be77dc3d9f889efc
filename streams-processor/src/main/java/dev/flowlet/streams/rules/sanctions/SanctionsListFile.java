package dev.flowlet.streams.rules.sanctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The sanctions list in force, read from a file and read again when the file changes (a new
 * modification time or size), so that a list update needs no restart. A file that cannot be read
 * leaves the previous list in force. Replace the file atomically (write a new one, then move it
 * over the old), so that a half-written file is never read.
 */
public final class SanctionsListFile {

  /** The small sample list shipped for local runs and tests, on the classpath next to this. */
  public static final String BUNDLED_SAMPLE = "sdn-sample.csv";

  private final Path path;
  private volatile SanctionsList current;
  private FileTime loadedModified;
  private long loadedSize;

  private SanctionsListFile(Path path, SanctionsList current) {
    this.path = path;
    this.current = current;
  }

  /** The shipped sample list, never reloaded. */
  public static SanctionsListFile bundledSample() {
    try (InputStream in =
        Objects.requireNonNull(
            SanctionsListFile.class.getResourceAsStream(BUNDLED_SAMPLE),
            BUNDLED_SAMPLE + " is missing")) {
      return new SanctionsListFile(
          null,
          SanctionsList.readSdnCsv(
              new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + BUNDLED_SAMPLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list in {@code path}, read now; it must be readable. */
  public static SanctionsListFile watching(Path path) {
    SanctionsListFile file = new SanctionsListFile(path, null);
    try {
      file.reloadIfChanged();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sanctions list " + path, e);
    }
    return file;
  }

  /** The list in force. */
  public SanctionsList current() {
    return current;
  }

  /** The file watched, or null for the shipped sample. */
  public Path path() {
    return path;
  }

  /**
   * Reads the file again when it changed since it was last read.
   *
   * @return whether a new list is now in force
   * @throws IOException when the changed file cannot be read; the previous list stays in force
   */
  public synchronized boolean reloadIfChanged() throws IOException {
    if (path == null) {
      return false;
    }
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (current != null
        && attributes.lastModifiedTime().equals(loadedModified)
        && attributes.size() == loadedSize) {
      return false;
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      current = SanctionsList.readSdnCsv(reader, path.toString());
    }
    loadedModified = attributes.lastModifiedTime();
    loadedSize = attributes.size();
    return true;
  }
}
