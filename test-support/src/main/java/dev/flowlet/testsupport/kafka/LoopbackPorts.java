package dev.flowlet.testsupport.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one picked by the OS, or a check that a fixed one is free. */
final class LoopbackPorts {

  private LoopbackPorts() {}

  /**
   * A port that was free a moment ago. Another process may take it before the broker binds it;
   * {@link KafkaBroker} retries with new ports when that happens.
   */
  static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Same option as Kafka's own listener, so a port in TIME_WAIT does not count as taken.
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
