package dev.flowlet.local;

import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import dev.flowlet.testsupport.postgres.PostgresServer;
import java.util.concurrent.TimeUnit;

/**
 * One started part of the local stack as the supervisor sees it: a process it can watch, kill and
 * stop, whatever kind of server or app it is.
 */
interface RunningPart extends AutoCloseable {

  long pid();

  boolean isAlive();

  /** How it ended, for the restart log line. */
  String exitDescription();

  /** SIGKILL, as a crash or the OOM killer would; for fault drills. */
  void kill();

  /** A clean stop. */
  @Override
  void close();

  static RunningPart of(AppProcess app) {
    return new RunningPart() {
      public long pid() {
        return app.pid();
      }

      public boolean isAlive() {
        return app.isAlive();
      }

      public String exitDescription() {
        return app.exitDescription();
      }

      public void kill() {
        app.kill();
      }

      public void close() {
        app.close();
      }
    };
  }

  static RunningPart of(ElasticsearchNode node) {
    return new ChildProcess(node.pid(), node::close);
  }

  static RunningPart of(PostgresServer server) {
    return new ChildProcess(server.pid(), server::close);
  }

  /**
   * Kafka runs inside the launcher's JVM: it cannot crash alone, so it is stopped and started (the
   * control endpoint), never killed.
   */
  static RunningPart of(KafkaBroker broker) {
    return new RunningPart() {
      private volatile boolean closed;

      public long pid() {
        return ProcessHandle.current().pid();
      }

      public boolean isAlive() {
        return !closed;
      }

      public String exitDescription() {
        return "stopped";
      }

      public void kill() {
        throw new UnsupportedOperationException(
            "Kafka runs inside the launcher; stop and start it instead");
      }

      public void close() {
        closed = true;
        broker.close();
      }
    };
  }

  /** A server process that is not (only) our child: watched and killed through its pid. */
  record ChildProcess(long pid, Runnable stop) implements RunningPart {

    @Override
    public boolean isAlive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String exitDescription() {
      return isAlive() ? "running" : "process " + pid + " gone";
    }

    @Override
    public void kill() {
      ProcessHandle.of(pid)
          .ifPresent(
              process -> {
                process.destroyForcibly();
                process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
              });
    }

    @Override
    public void close() {
      stop.run();
    }
  }
}
