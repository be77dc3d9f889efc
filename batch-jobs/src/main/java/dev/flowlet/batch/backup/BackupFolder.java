package dev.flowlet.batch.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup folder: dump files, their manifests and verification marks, named {@code flowlet-<UTC
 * time>-<run>.dump}. Files being written end in {@code .partial}.
 */
@Component
class BackupFolder {

  static final String DUMP = ".dump";
  static final String MANIFEST = ".manifest.json";
  static final String VERIFIED = ".verified.json";
  static final String PARTIAL = ".partial";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path dir;

  BackupFolder(BackupSettings settings) {
    this.dir = settings.dir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the backup folder " + dir, e);
    }
  }

  Path dir() {
    return dir;
  }

  /** A new dump's file name. */
  String newDumpName(Instant at, long instanceId) {
    return "flowlet-" + STAMP.format(at) + "-" + instanceId + DUMP;
  }

  /** A dump in this folder by file name; null when the name is not a plain dump file name of it. */
  Path dump(String name) {
    if (name == null || !name.endsWith(DUMP) || name.contains("/") || name.contains("\\")) {
      return null;
    }
    Path file = dir.resolve(name).normalize();
    return file.getParent().equals(dir) ? file : null;
  }

  Optional<BackupManifest> manifest(Path dump) {
    return read(sibling(dump, MANIFEST), BackupManifest.class);
  }

  Optional<VerifiedBackup> verification(Path dump) {
    return read(sibling(dump, VERIFIED), VerifiedBackup.class);
  }

  void writeManifest(Path dump, BackupManifest manifest) {
    write(sibling(dump, MANIFEST), manifest);
  }

  void markVerified(Path dump, VerifiedBackup verified) {
    write(sibling(dump, VERIFIED), verified);
  }

  /** Every dump with a manifest, newest first. */
  List<Path> dumps() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(DUMP))
          .filter(file -> Files.exists(sibling(file, MANIFEST)))
          .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the backup folder " + dir, e);
    }
  }

  /** The newest backup that passed verification. */
  Optional<VerifiedBackup> newestVerified() {
    return dumps().stream()
        .map(this::verification)
        .flatMap(Optional::stream)
        .max(Comparator.comparing(VerifiedBackup::takenAt));
  }

  /** Deletes a dump with its manifest and mark. */
  void delete(Path dump) {
    try {
      Files.deleteIfExists(sibling(dump, VERIFIED));
      Files.deleteIfExists(sibling(dump, MANIFEST));
      Files.deleteIfExists(dump);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the backup " + dump, e);
    }
  }

  /** Deletes what an interrupted attempt of this run left half-written. */
  void deletePartials(long instanceId) {
    String suffix = "-" + instanceId + DUMP + PARTIAL;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean the backup folder " + dir, e);
    }
  }

  static Path sibling(Path dump, String suffix) {
    return dump.resolveSibling(dump.getFileName() + suffix);
  }

  private static <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), type));
  }

  private static void write(Path file, Object value) {
    Path partial = file.resolveSibling(file.getFileName() + PARTIAL);
    try {
      JSON.writeValue(partial.toFile(), value);
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
