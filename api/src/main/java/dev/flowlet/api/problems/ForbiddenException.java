package dev.flowlet.api.problems;

/**
 * A request the caller's role allows but a business rule forbids, such as approving one's own
 * request; answered 403 with its own problem type so a client can tell it from a missing role.
 */
public class ForbiddenException extends RuntimeException {

  private final String type;

  /**
   * @param type the problem type's last path segment, e.g. {@code segregation-of-duties}
   * @param detail what the caller cannot do; never personal data
   */
  public ForbiddenException(String type, String detail) {
    super(detail);
    this.type = type;
  }

  public String type() {
    return type;
  }
}
