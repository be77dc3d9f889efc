package dev.flowlet.api.web;

import dev.flowlet.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a URL longer than {@code flowlet.api.max-url-length} with 414 and headers larger than
 * {@code flowlet.api.max-header-size} with 431, as problem+json. Tomcat's own limit ({@code
 * server.max-http-request-header-size}, above these) stays the hard ceiling, but Tomcat answers it
 * with a bare 400; below it, a client learns what was wrong.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class HeaderSizeFilter extends OncePerRequestFilter {

  private final long maxUrlLength;
  private final long maxHeaderSize;

  HeaderSizeFilter(WebSettings settings) {
    this.maxUrlLength = settings.maxUrlLength().toBytes();
    this.maxHeaderSize = settings.maxHeaderSize().toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    long url = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (url > maxUrlLength) {
      refuse(response, HttpStatus.URI_TOO_LONG, "uri-too-long", "The URL exceeds %d characters");
      return;
    }
    long headers = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        headers += name.length() + value.length() + 4;
      }
    }
    if (headers > maxHeaderSize) {
      refuse(
          response,
          HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
          "headers-too-large",
          "The request headers exceed %d bytes");
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    response.setHeader("Connection", "close");
    long limit = status == HttpStatus.URI_TOO_LONG ? maxUrlLength : maxHeaderSize;
    Problems.write(response, status, type, detail.formatted(limit));
  }
}
