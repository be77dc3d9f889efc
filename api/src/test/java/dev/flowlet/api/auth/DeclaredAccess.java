package dev.flowlet.api.auth;

import dev.flowlet.api.auth.SecurityConfiguration.Access;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access matrix of {@link SecurityConfiguration} as the attack suite reads it: for a concrete
 * request, the first line that matches it, as Spring Security matches it (path patterns, first
 * match wins). The suite derives every expected answer from here, so it checks the running API
 * against the declared matrix rather than against a second copy of it.
 */
public final class DeclaredAccess {

  private DeclaredAccess() {}

  /**
   * Who the matrix lets through.
   *
   * @param line the matching line, for messages
   * @param isPublic anyone, even without a token
   * @param anyAuthenticated any valid token, whatever its roles
   * @param roles the roles admitted when neither of the above
   */
  public record Expectation(
      String line, boolean isPublic, boolean anyAuthenticated, Set<Role> roles) {

    public boolean admits(Role role) {
      return isPublic || anyAuthenticated || roles.contains(role);
    }
  }

  /** The first matrix line matching the request, or empty when none does (the API denies it). */
  public static Optional<Expectation> of(String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Access access : SecurityConfiguration.MATRIX) {
      if (access.method() != null && !access.method().name().equals(method)) {
        continue;
      }
      boolean matches =
          access.paths().stream()
              .anyMatch(
                  pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
      if (matches) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(access.roles());
        return Optional.of(
            new Expectation(
                access.method() + " " + access.paths() + " " + access.who() + " " + roles,
                access.who() == Access.Who.ANYONE,
                access.who() == Access.Who.AUTHENTICATED,
                Set.copyOf(roles)));
      }
    }
    return Optional.empty();
  }
}
