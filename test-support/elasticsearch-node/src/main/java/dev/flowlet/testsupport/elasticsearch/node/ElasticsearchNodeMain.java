package dev.flowlet.testsupport.elasticsearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts one Elasticsearch node and keeps it running until SIGTERM, or until standard input reaches
 * end of file (the parent process closed the pipe or died).
 *
 * <p>Prints {@value NodeProcessProtocol#READY_PREFIX}{@code http://127.0.0.1:<port>} on stdout once
 * the node is started and its HTTP port is bound. Elasticsearch's own log goes to stdout too.
 */
public final class ElasticsearchNodeMain {

  private ElasticsearchNodeMain() {}

  public static void main(String[] args) {
    // Taken before logging is configured: Elasticsearch then routes System.out through Log4j.
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    NodeArguments arguments;
    try {
      arguments = NodeArguments.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      stderr.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      setSystemProperties(arguments);
      Node node = start(arguments);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "flowlet-es-shutdown"));
      stdout.println(NodeProcessProtocol.READY_PREFIX + "http://127.0.0.1:" + httpPort(node));
      stdout.flush();
      if (arguments.exitOnStdinEof()) {
        waitForEndOfStandardInput(stderr);
        stdout.println("Standard input closed: stopping the node");
      } else {
        // Elasticsearch's own threads are daemons: something has to keep the JVM alive.
        new CountDownLatch(1).await();
      }
      System.exit(0);
    } catch (Throwable e) {
      // A half-started node keeps non-daemon threads: make the failure visible and end the JVM.
      stderr.println("Elasticsearch node failed to start: " + e);
      e.printStackTrace(stderr);
      System.exit(1);
    }
  }

  /** What Elasticsearch's jvm.options set; here they do not depend on how the JVM was started. */
  private static void setSystemProperties(NodeArguments arguments) {
    // Set by Elasticsearch's launcher; native libraries are looked up under it (lib/platform).
    System.setProperty("es.path.home", arguments.home().toString());
    // The node closes itself in a shutdown hook and logs while doing so.
    System.setProperty("log4j.shutdownHookEnabled", "false");
    System.setProperty("log4j2.disable.jmx", "true");
    System.setProperty("io.netty.noUnsafe", "true");
    System.setProperty("io.netty.noKeySetOptimization", "true");
    System.setProperty("io.netty.recycler.maxCapacityPerThread", "0");
  }

  private static Node start(NodeArguments arguments) throws Exception {
    Path configDir = arguments.home().resolve("config");
    writeLoggingConfig(configDir);
    LogConfigurator.registerErrorListener();
    LogConfigurator.setNodeName(arguments.nodeName());
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(
            arguments.settings(), Map.of(), configDir, arguments::nodeName);
    LogConfigurator.configure(environment, true);
    TransportNetty4Module.installInto(environment.modulesDir());
    // No server module exports: the server runs from the classpath, not as the named module
    // org.elasticsearch.server, and the plugin is loaded as a classic plugin.
    PluginsLoader plugins =
        PluginsLoader.createPluginsLoader(
            PluginsLoader.loadModulesBundles(environment.modulesDir(), false),
            Set.of(),
            Map.of(),
            false);
    return new Node(environment, plugins).start();
  }

  private static void writeLoggingConfig(Path configDir) throws IOException {
    Files.createDirectories(configDir);
    try (InputStream config =
        ElasticsearchNodeMain.class.getResourceAsStream("log4j2.properties")) {
      Files.copy(
          config, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int httpPort(Node node) {
    return node.injector()
        .getInstance(HttpServerTransport.class)
        .boundAddress()
        .publishAddress()
        .getPort();
  }

  private static void waitForEndOfStandardInput(PrintStream stderr) {
    try {
      System.in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // A broken pipe means the same as end of file: nobody is there any more.
      stderr.println("Reading standard input failed, stopping the node: " + e);
    }
  }

  private static void close(Node node) {
    try {
      node.close();
      if (!node.awaitClose(15, TimeUnit.SECONDS)) {
        System.err.println("Elasticsearch node did not close within 15 s");
      }
    } catch (IOException e) {
      System.err.println("Closing the Elasticsearch node failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
