package dev.flowlet.local.verify;

/** A check cannot run: a server does not answer or refuses; {@code ./flowlet verify} exits 2. */
public final class VerifyException extends RuntimeException {

  VerifyException(String message, Throwable cause) {
    super(message, cause);
  }

  VerifyException(String message) {
    super(message);
  }
}
