package dev.flowlet.api.attacks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A bare TCP connection to the API, for what an HTTP client library will not send: a body shorter
 * than its declared length, headers trickled a few bytes at a time, or nothing at all.
 */
final class RawConnection implements AutoCloseable {

  private final Socket socket;

  RawConnection(int port) {
    try {
      this.socket = new Socket("127.0.0.1", port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends text; false when the server has already closed the connection. */
  boolean send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /**
   * Reads until the server closes the connection or {@code limit} passes.
   *
   * @return what the server sent, and whether it closed the connection within the limit
   */
  Answer readUntilClosed(Duration limit) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      while (true) {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
          return new Answer(received.toString(StandardCharsets.ISO_8859_1), false);
        }
        socket.setSoTimeout((int) Math.max(1, left));
        int read;
        try {
          read = in.read(buffer);
        } catch (SocketTimeoutException stillOpen) {
          return new Answer(received.toString(StandardCharsets.ISO_8859_1), false);
        } catch (SocketException reset) {
          return new Answer(received.toString(StandardCharsets.ISO_8859_1), true);
        }
        if (read < 0) {
          return new Answer(received.toString(StandardCharsets.ISO_8859_1), true);
        }
        received.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param text the raw HTTP answer, possibly empty
   * @param closed whether the server closed the connection
   */
  record Answer(String text, boolean closed) {

    /** The status code of the first answer, or 0 when none came. */
    int status() {
      if (!text.startsWith("HTTP/1.1 ")) {
        return 0;
      }
      return Integer.parseInt(text.substring(9, 12));
    }
  }
}
