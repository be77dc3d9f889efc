package dev.flowlet.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer, written before anything else runs so that refusals (401, 403,
 * 413, 429) carry them too. The API's content policy forbids everything but same-origin fetches and
 * framing; Swagger UI ({@code /swagger-ui/**}) also gets the inline styles and {@code data:} images
 * it needs, and nothing else. HSTS is only sent over HTTPS (directly, or {@code X-Forwarded-Proto:
 * https} from a trusted proxy), where browsers honour it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String API_POLICY =
      "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none';"
          + " form-action 'none'";
  static final String SWAGGER_UI_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader(
        "Content-Security-Policy", isSwaggerUi(path) ? SWAGGER_UI_POLICY : API_POLICY);
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    if (path.equals("/api") || path.startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  private static boolean isSwaggerUi(String path) {
    return path.startsWith("/swagger-ui/") || path.equals("/swagger-ui.html");
  }
}
