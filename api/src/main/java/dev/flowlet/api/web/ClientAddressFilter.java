package dev.flowlet.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code getRemoteAddr()}, {@code getScheme()} and {@code isSecure()} describe the client
 * rather than the proxy in front of the API, but only when the connection comes from one of {@code
 * flowlet.api.trusted-proxies}; from any other peer the forwarded headers are ignored. Everything
 * after this filter (rate limits, audit {@code sourceIp}, HSTS) therefore sees the real client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressFilter extends OncePerRequestFilter {

  static final String FORWARDED_FOR = "X-Forwarded-For";
  static final String FORWARDED_PROTO = "X-Forwarded-Proto";

  private final TrustedProxies proxies;

  ClientAddressFilter(WebSettings settings) {
    this.proxies = new TrustedProxies(settings.trustedProxies());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (proxies.isEmpty() || !proxies.trusts(request.getRemoteAddr())) {
      chain.doFilter(request, response);
      return;
    }
    String client = proxies.client(request.getRemoteAddr(), forwardedFor(request));
    String scheme = forwardedProto(request);
    chain.doFilter(new ForwardedRequest(request, client, scheme), response);
  }

  private static List<String> forwardedFor(HttpServletRequest request) {
    List<String> entries = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
      for (String entry : header.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.strip());
        }
      }
    }
    return entries;
  }

  /** The scheme the nearest proxy received the request with (the rightmost value), if any. */
  private static String forwardedProto(HttpServletRequest request) {
    String header = request.getHeader(FORWARDED_PROTO);
    if (header == null) {
      return null;
    }
    String[] values = header.split(",");
    String scheme = values[values.length - 1].strip().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("http") ? scheme : null;
  }

  private static final class ForwardedRequest extends HttpServletRequestWrapper {

    private final String client;
    private final String scheme;

    ForwardedRequest(HttpServletRequest request, String client, String scheme) {
      super(request);
      this.client = client;
      this.scheme = scheme;
    }

    @Override
    public String getRemoteAddr() {
      return client;
    }

    @Override
    public String getRemoteHost() {
      return client;
    }

    @Override
    public String getScheme() {
      return scheme == null ? super.getScheme() : scheme;
    }

    @Override
    public boolean isSecure() {
      return scheme == null ? super.isSecure() : scheme.equals("https");
    }

    @Override
    public int getServerPort() {
      if (scheme == null) {
        return super.getServerPort();
      }
      return scheme.equals("https") ? 443 : 80;
    }
  }
}
