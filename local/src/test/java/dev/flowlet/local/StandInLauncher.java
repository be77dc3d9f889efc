package dev.flowlet.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A launcher in a JVM of its own, for tests of what happens to its apps when it dies: it launches
 * one {@code sleep 600} as an app through {@link LaunchedApps}, prints its pid, and waits to be
 * killed.
 *
 * @param jvm the stand-in launcher
 * @param app its app
 * @param output the rest of what the launcher prints
 */
record StandInLauncher(Process jvm, ProcessHandle app, BufferedReader output) {

  private static final String PID_LINE = "app-pid=";
  private static final String LATE_PID_LINE = "late-app-pid=";
  private static final String LAUNCH_ON_EXIT = "--launch-on-exit";

  /**
   * @param pidFolder where the launcher writes its apps' pid files, as {@code ./flowlet up} does;
   *     null for none, as in a test JVM
   */
  static StandInLauncher start(Path pidFolder) {
    return start(pidFolder, false);
  }

  /** A launcher that, as it exits, launches one more app (the launch in flight at exit). */
  static StandInLauncher launchingOnExit() {
    return start(null, true);
  }

  private static StandInLauncher start(Path pidFolder, boolean launchOnExit) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), StandInLauncher.class.getName()));
    if (launchOnExit) {
      command.add(LAUNCH_ON_EXIT);
    }
    if (pidFolder != null) {
      command.add(pidFolder.toString());
    }
    try {
      Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader output =
          new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder said = new StringBuilder();
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.startsWith(PID_LINE)) {
          long pid = Long.parseLong(line.substring(PID_LINE.length()));
          return new StandInLauncher(jvm, ProcessHandle.of(pid).orElseThrow(), output);
        }
        said.append(line).append('\n');
      }
      throw new IllegalStateException(
          "The stand-in launcher ended before its app started:\n" + said);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The app the launcher launched as it exited, once it has exited. */
  ProcessHandle lateApp() throws IOException {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(LATE_PID_LINE)) {
        return ProcessHandle.of(Long.parseLong(line.substring(LATE_PID_LINE.length())))
            .orElse(null);
      }
    }
    throw new IllegalStateException("The stand-in launcher launched nothing as it exited");
  }

  /** Kills both, for a test's clean-up. */
  void destroyForcibly() {
    app.destroyForcibly();
    jvm.destroyForcibly();
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    for (String arg : args) {
      if (arg.equals(LAUNCH_ON_EXIT)) {
        Runtime.getRuntime().addShutdownHook(new Thread(StandInLauncher::launchLate));
      } else {
        LaunchedApps.writePidFilesTo(Path.of(arg));
      }
    }
    Process app = new ProcessBuilder("sleep", "600").start();
    LaunchedApps.add("sleeper", app);
    System.out.println(PID_LINE + app.pid());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** A launch that ends while the JVM exits, as a supervisor's restart can. */
  private static void launchLate() {
    try {
      Process app = new ProcessBuilder("sleep", "600").start();
      System.out.println(LATE_PID_LINE + app.pid());
      System.out.flush();
      LaunchedApps.add("late-sleeper", app);
    } catch (IOException | StackStartException e) {
      System.out.println("late launch: " + e.getMessage());
    }
  }
}
