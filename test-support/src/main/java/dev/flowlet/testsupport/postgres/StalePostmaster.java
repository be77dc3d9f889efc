package dev.flowlet.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a postgres left running on a data dir by a JVM that died without closing it (kill -9, a
 * crash, a power cut of the IDE), so that the next start on the same data dir works.
 *
 * <p>The embedded server holds a file lock ({@code epg-lock}) while a JVM uses the data dir; the
 * operating system releases it when that JVM dies. A live postmaster on an unlocked data dir
 * therefore belongs to nobody.
 */
final class StalePostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

  /** Zonky's lock file name in the data dir. */
  private static final String OWNER_LOCK = "epg-lock";

  private static final long STOP_TIMEOUT_SECONDS = 30;

  private StalePostmaster() {}

  static void stopIfOrphaned(Path dataDir) {
    Optional<ProcessHandle> postmaster = PostmasterPidFile.runningPostmaster(dataDir);
    if (postmaster.isEmpty()) {
      return;
    }
    requireNoLiveOwner(dataDir);
    ProcessHandle process = postmaster.get();
    LOG.warn(
        "Stopping PostgreSQL pid {} left running on {} by an earlier run", process.pid(), dataDir);
    // SIGTERM is PostgreSQL's "smart" shutdown: it ends once the dead JVM's sessions are gone.
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "PostgreSQL pid "
              + process.pid()
              + " left running on "
              + dataDir
              + " did not stop within "
              + STOP_TIMEOUT_SECONDS
              + " s; stop it with: kill -INT "
              + process.pid());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping PostgreSQL pid " + process.pid());
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot wait for PostgreSQL pid " + process.pid(), e);
    }
  }

  private static void requireNoLiveOwner(Path dataDir) {
    Path lockFile = dataDir.resolve(OWNER_LOCK);
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException(
            "PostgreSQL data dir " + dataDir + " is in use by another running server");
      }
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check who uses " + lockFile, e);
    }
  }
}
