package dev.flowlet.local;

/** A reason the local stack cannot start that the user can fix; its message is one line. */
final class StackStartException extends RuntimeException {

  StackStartException(String message) {
    super(message);
  }

  StackStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
