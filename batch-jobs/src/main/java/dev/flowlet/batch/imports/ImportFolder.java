package dev.flowlet.batch.imports;

import dev.flowlet.batch.problems.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks that a file a job is asked to read lies inside the import folder, and stores uploaded
 * files into it. The check is made on the path as given and again on its real path, so that neither
 * {@code ..} nor a symbolic link can lead out of the folder.
 */
@Component
public class ImportFolder {

  private static final Logger log = LoggerFactory.getLogger(ImportFolder.class);

  private final Path root;
  private final Path realRoot;

  ImportFolder(ImportSettings settings) {
    this.root = settings.importDir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      this.realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the import folder " + root, e);
    }
  }

  /** The folder, absolute. */
  public Path root() {
    return root;
  }

  /**
   * The real path of an existing, readable regular file inside the import folder.
   *
   * @param parameter the request parameter that named it, for the problem answer
   * @throws ProblemException 422 naming what is wrong
   */
  public Path existingFile(String parameter, String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw ProblemException.invalid(parameter, "is not a valid path");
    }
    if (!path.isAbsolute()) {
      throw ProblemException.invalid(parameter, "must be an absolute path");
    }
    Path normalized = path.normalize();
    if (!normalized.startsWith(root) && !normalized.startsWith(realRoot)) {
      throw ProblemException.invalid(parameter, "must lie inside the import folder");
    }
    if (!Files.exists(normalized, LinkOption.NOFOLLOW_LINKS)) {
      throw ProblemException.invalid(parameter, "no such file in the import folder");
    }
    Path real;
    try {
      real = normalized.toRealPath();
    } catch (IOException e) {
      throw ProblemException.invalid(parameter, "leads through a link to a missing file");
    }
    if (!real.startsWith(realRoot)) {
      throw ProblemException.invalid(parameter, "leads out of the import folder through a link");
    }
    if (!Files.isRegularFile(real)) {
      throw ProblemException.invalid(parameter, "is not a regular file");
    }
    if (!Files.isReadable(real)) {
      throw ProblemException.invalid(parameter, "is not readable");
    }
    return real;
  }

  /**
   * Stores a request body as a new file in a sub-folder of the import folder; a body longer than
   * {@code maxBytes} is refused and nothing is kept.
   *
   * @return the stored file, absolute
   * @throws ProblemException 413 when the body is too large
   */
  public Path store(InputStream body, String subfolder, String extension, long maxBytes) {
    Path folder = root.resolve(subfolder);
    Path target = folder.resolve(UUID.randomUUID() + extension);
    Path partial = folder.resolve(target.getFileName() + ".partial");
    try {
      Files.createDirectories(folder);
      try (OutputStream out = Files.newOutputStream(partial)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) != -1) {
          total += read;
          if (total > maxBytes) {
            throw ProblemException.tooLarge("The file is larger than " + maxBytes + " bytes");
          }
          out.write(buffer, 0, read);
        }
      }
      return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store an uploaded file in " + folder, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        log.warn("Could not delete {}; no job reads .partial files", partial, e);
      }
    }
  }
}
