package dev.flowlet.testsupport.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the postmaster when this JVM dies, however it dies.
 *
 * <p>{@code pg_ctl} starts postgres detached from the JVM (its own session, parent re-assigned to
 * init once {@code pg_ctl} exits), so a JVM killed with SIGKILL would otherwise leave it running,
 * holding its port and data dir. A tiny shell loop, a child of this JVM that outlives it, sends the
 * postmaster SIGINT (PostgreSQL's "fast" shutdown) within a second of the JVM's death.
 */
final class PostmasterWatchdog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
  private static final Path SHELL = Path.of("/bin/sh");

  private final Process loop;

  private PostmasterWatchdog(Process loop) {
    this.loop = loop;
  }

  /** A watchdog for {@code postmasterPid}, or none where there is no POSIX shell. */
  static PostmasterWatchdog watch(long postmasterPid) {
    if (!Files.isExecutable(SHELL)) {
      LOG.info("No {}: PostgreSQL pid {} outlives a killed JVM", SHELL, postmasterPid);
      return new PostmasterWatchdog(null);
    }
    long jvmPid = ProcessHandle.current().pid();
    String script =
        "while kill -0 "
            + jvmPid
            + " 2>/dev/null; do sleep 1; done; kill -INT "
            + postmasterPid
            + " 2>/dev/null";
    try {
      Process loop =
          new ProcessBuilder(SHELL.toString(), "-c", script)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return new PostmasterWatchdog(loop);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the PostgreSQL watchdog", e);
    }
  }

  /** Called before a regular stop, so the loop cannot signal a pid the OS has given away. */
  @Override
  public void close() {
    if (loop != null) {
      loop.destroy();
    }
  }
}
