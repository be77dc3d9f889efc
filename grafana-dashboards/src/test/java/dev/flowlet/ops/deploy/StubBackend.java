package dev.flowlet.ops.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for one Flowlet app's HTTP port (a JDK {@link HttpServer} on 127.0.0.1): answers
 * {@code /health} like Spring Boot Actuator does and records every request, so tests can see what
 * nginx forwarded or what the health-check script asked.
 */
final class StubBackend implements AutoCloseable {

  /** A request the backend received: its method, path and headers (names lower-cased). */
  record Received(String method, String path, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> healthStatus = new ConcurrentHashMap<>();

  private StubBackend(HttpServer server) {
    this.server = server;
  }

  static StubBackend start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    StubBackend backend = new StubBackend(server);
    server.createContext("/", backend::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return backend;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Makes {@code path} (e.g. {@code /health/readiness}) answer DOWN with 503. */
  void reportDown(String path) {
    healthStatus.put(path, 503);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
    String path = exchange.getRequestURI().getPath();
    received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(headers)));

    int status = 200;
    String body = "{}";
    if (path.equals("/health") || path.startsWith("/health/")) {
      status = healthStatus.getOrDefault(path, 200);
      body = status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
