package dev.flowlet.testsupport.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between an app and a server, for network faults without Docker (no
 * Toxiproxy here): {@link #slow} adds latency to every chunk each way, {@link #cut} drops every
 * open connection and refuses new ones until {@link #heal}.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean cut;

  private TcpProxy(ServerSocket listener, int targetPort) {
    this.listener = listener;
    this.targetPort = targetPort;
  }

  /** Listens on a free loopback port and forwards every connection to {@code targetPort}. */
  public static TcpProxy start(int targetPort) {
    try {
      ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      TcpProxy proxy = new TcpProxy(listener, targetPort);
      Thread.ofPlatform().daemon().name("proxy-" + targetPort).start(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a proxy port", e);
    }
  }

  /** The port this proxy listens on (127.0.0.1). */
  public int port() {
    return listener.getLocalPort();
  }

  /** The port it forwards to. */
  public int targetPort() {
    return targetPort;
  }

  /** Delays every chunk of bytes, each way, by {@code perChunk} until {@link #heal}. */
  public void slow(Duration perChunk) {
    latency = perChunk;
  }

  /** Resets every open connection and refuses new ones. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  /** Ends {@link #slow} and {@link #cut}: new connections pass again, at full speed. */
  public void heal() {
    cut = false;
    latency = Duration.ZERO;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        // A refused upstream or the listener closing: the client sees a reset.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        Duration delay = latency;
        if (!delay.isZero()) {
          // The injected fault itself (a slow network), not a test waiting for a condition.
          Thread.sleep(delay);
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // Closed by the other side or cut.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Already closed.
    }
    cut();
  }
}
