package dev.flowlet.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code postmaster.pid}: PostgreSQL writes its process id on the first line while it runs. */
final class PostmasterPidFile {

  private PostmasterPidFile() {}

  /** The running postmaster of {@code dataDir}, if the pid file names a live postgres process. */
  static Optional<ProcessHandle> runningPostmaster(Path dataDir) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dataDir.resolve("postmaster.pid"), e);
    }
    if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
        .filter(ProcessHandle::isAlive)
        // After a reboot the pid may belong to an unrelated process: only a postgres counts.
        .filter(
            process ->
                process
                    .info()
                    .command()
                    .map(command -> command.endsWith("postgres"))
                    .orElse(false));
  }
}
