package dev.flowlet.testsupport.ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one picked by the OS, or a check that a fixed one is free. */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  /**
   * A port that was free a moment ago. Another process may take it before it is bound; the servers
   * here start again on another port when that happens.
   */
  public static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
    }
  }

  /** Whether {@code port} can be bound on 127.0.0.1 now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Same option as the servers' own listeners, so a port in TIME_WAIT does not count as taken.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (BindException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check port 127.0.0.1:" + port, e);
    }
  }
}
