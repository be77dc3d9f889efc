package dev.flowlet.api.problems;

/**
 * A resource that does not exist or that the caller may not see; answered 404 alike, so that the
 * answer never reveals whether someone else's resource exists.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String resourceType) {
    super("No " + resourceType + " with that id");
  }
}
