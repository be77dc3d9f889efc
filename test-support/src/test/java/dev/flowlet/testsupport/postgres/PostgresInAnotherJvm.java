package dev.flowlet.testsupport.postgres;

import java.nio.file.Path;

/**
 * Starts a {@link PostgresServer} and keeps it until this JVM is killed, so tests can see what
 * happens to the postgres process when its JVM dies without closing it.
 */
final class PostgresInAnotherJvm {

  static final String PID_MARKER = "POSTMASTER_PID=";

  private PostgresInAnotherJvm() {}

  public static void main(String[] args) throws Exception {
    PostgresServer server = PostgresServer.start(Path.of(args[0]), 0);
    System.out.println(PID_MARKER + server.pid());
    System.out.flush();
    // Blocks until the test kills this JVM; the parent never writes to our stdin.
    System.in.read();
  }
}
