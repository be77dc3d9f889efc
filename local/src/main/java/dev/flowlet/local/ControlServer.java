package dev.flowlet.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's control endpoint, on 127.0.0.1 only ({@code FLOWLET_CONTROL_PORT}, default 5010).
 * {@code POST /down} is {@code ./flowlet down} (a clean stop, as Ctrl-C); {@code GET /status} is
 * {@code ./flowlet status}; {@code POST /parts/{name}/stop}, {@code /start} and {@code /kill} are
 * {@code ./flowlet part <name> stop|start|kill}, for fault drills: Kafka lives in the launcher's
 * JVM, so stopping and starting it here is the only way to take it away without stopping
 * everything. A stopped part is not restarted until started; a killed one is, by its supervisor.
 * Loopback only and local only: production runs under systemd, not this launcher.
 */
final class ControlServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

  private final HttpServer server;

  private ControlServer(HttpServer server) {
    this.server = server;
  }

  static ControlServer start(LocalStack stack, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new StackStartException(
          "control port " + port + " (FLOWLET_CONTROL_PORT) cannot be bound: " + e.getMessage(), e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/status", exchange -> status(stack, exchange));
    server.createContext("/parts/", exchange -> part(stack, exchange));
    server.createContext(
        "/down",
        exchange -> {
          if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 404, "POST /down\n");
            return;
          }
          answer(exchange, 200, "stopping\n");
          // The shutdown hook stops every part cleanly, as Ctrl-C does.
          Thread.ofPlatform().start(() -> System.exit(0));
        });
    server.start();
    return new ControlServer(server);
  }

  private static void status(LocalStack stack, HttpExchange exchange) throws IOException {
    StringBuilder text = new StringBuilder(PartStatus.HEADER).append('\n');
    stack.status().forEach(part -> text.append(part.line()).append('\n'));
    answer(exchange, 200, text.toString());
  }

  private static void part(LocalStack stack, HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/");
    if (!exchange.getRequestMethod().equals("POST") || path.length != 4) {
      answer(exchange, 404, "POST /parts/{name}/stop|start|kill\n");
      return;
    }
    String name = path[2];
    String action = path[3];
    try {
      SupervisedPart part = stack.part(name);
      log.warn("{} of {} asked through the control endpoint", action, name);
      switch (action) {
        case "stop" -> part.stop();
        case "start" -> part.start();
        case "kill" -> part.kill();
        default -> {
          answer(exchange, 404, "unknown action " + action + "; stop, start or kill\n");
          return;
        }
      }
      answer(exchange, 200, part.status().line() + "\n");
    } catch (IllegalArgumentException e) {
      answer(exchange, 404, e.getMessage() + "\n");
    } catch (RuntimeException e) {
      answer(exchange, 409, action + " " + name + " failed: " + e.getMessage() + "\n");
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
