package dev.flowlet.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who made a request and from where, as the audit trail records it.
 *
 * @param name user name, or {@code anonymous}
 * @param role the first role of the user (roles are listed in the token)
 * @param sourceIp client address
 * @param requestId the request's id ({@code X-Request-Id})
 */
public record Actor(String name, String role, String sourceIp, String requestId) {

  /** The actor of an authenticated request. */
  public static Actor of(Authentication authentication, HttpServletRequest request) {
    String role =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()))
            .findFirst()
            .orElse(null);
    return new Actor(authentication.getName(), role, request.getRemoteAddr(), requestId(request));
  }

  /** An actor known only by a claimed name, such as a login attempt. */
  public static Actor anonymous(String claimedName, HttpServletRequest request) {
    return new Actor(claimedName, null, request.getRemoteAddr(), requestId(request));
  }

  private static String requestId(HttpServletRequest request) {
    Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
    return id == null ? null : id.toString();
  }
}
