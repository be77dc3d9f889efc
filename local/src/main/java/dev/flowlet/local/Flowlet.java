package dev.flowlet.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./flowlet up}: starts the whole local stack, prints where everything is, and stops it all
 * on Ctrl-C or SIGTERM. Errors a user can fix (a port in use, an unreachable external database) are
 * one line on standard error and exit code 2.
 */
public final class Flowlet {

  private Flowlet() {}

  public static void main(String[] args) throws InterruptedException {
    String command = args.length == 0 ? "up" : args[0];
    if (!command.equals("up")) {
      System.err.println("flowlet: unknown command '" + command + "'; try: ./flowlet up");
      System.exit(2);
    }
    Path root = Path.of(System.getProperty("flowlet.root", ".")).toAbsolutePath().normalize();
    LocalSettings settings = LocalSettings.fromEnvironment(root, System.getenv());
    LocalStack stack = new LocalStack(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "flowlet-shutdown"));
    try {
      stack.start();
    } catch (RuntimeException e) {
      // The shutdown hook stops whatever had started.
      System.err.println("flowlet: " + e.getMessage());
      System.exit(2);
    }
    stopped.await();
  }
}
