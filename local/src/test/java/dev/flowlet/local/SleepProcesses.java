package dev.flowlet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Real child processes ({@code sleep 600}) standing in for a supervised part, each remembered from
 * the moment it is forked, so a test can ask which of them are still alive.
 */
final class SleepProcesses implements AutoCloseable {

  private final List<Process> forked = new CopyOnWriteArrayList<>();

  /** Forks one {@code sleep 600}. */
  Process fork() {
    try {
      Process process = new ProcessBuilder("sleep", "600").start();
      forked.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started part: {@link #fork()} wrapped the way the supervisor sees it. */
  RunningPart start() {
    return part(fork());
  }

  int forkedCount() {
    return forked.size();
  }

  List<Long> alive() {
    return forked.stream().filter(Process::isAlive).map(Process::pid).toList();
  }

  static RunningPart part(Process process) {
    return new RunningPart() {
      public long pid() {
        return process.pid();
      }

      public boolean isAlive() {
        return process.isAlive();
      }

      public String exitDescription() {
        return "exit code " + process.exitValue();
      }

      public void kill() {
        process.destroyForcibly();
        try {
          process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      public void close() {
        kill();
      }
    };
  }

  /** Kills whatever a failed test left alive. */
  @Override
  public void close() {
    forked.forEach(Process::destroyForcibly);
  }
}
