package dev.flowlet.batch.gdpr.export;

import dev.flowlet.batch.gdpr.GdprSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The export folder: archives ({@code <requestId>.zip}, mode 0600) at its top, and one work folder
 * per running export under {@code work/} (mode 0700), deleted once the archive is written. Only the
 * service user can read either: they hold a data subject's complete personal data.
 */
@Component
class ExportWorkspace {

  private static final String WORK = "work";

  private final Path root;

  ExportWorkspace(GdprSettings settings) {
    this.root = settings.exportDir();
  }

  Path root() throws IOException {
    return privateFolder(root);
  }

  Path folder(UUID requestId) throws IOException {
    return privateFolder(privateFolder(root().resolve(WORK)).resolve(requestId.toString()));
  }

  Path archive(UUID requestId) {
    return root.resolve(archiveName(requestId));
  }

  static String archiveName(UUID requestId) {
    return requestId + ".zip";
  }

  void discard(UUID requestId) throws IOException {
    Path folder = root.resolve(WORK).resolve(requestId.toString());
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static Path privateFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return folder;
  }
}
