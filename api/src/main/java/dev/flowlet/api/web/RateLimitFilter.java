package dev.flowlet.api.web;

import dev.flowlet.api.web.RateLimits.Group;
import dev.flowlet.problems.Problems;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} (whole seconds) when a client exceeds its rate on {@code
 * /api/**}. It runs right after Spring Security, so an authenticated caller is limited by user name
 * wherever it connects from, and anyone else by client address; requests that security already
 * refused (401, 403) are not counted. Rejections are counted per route group in {@code
 * flowlet.rate.limit.rejections}, never per client.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimitSettings settings;
  private final RateLimits limits;
  private final Map<Group, Counter> rejections = new EnumMap<>(Group.class);

  RateLimitFilter(RateLimitSettings settings, MeterRegistry meters) {
    this.settings = settings;
    this.limits = new RateLimits(settings);
    for (Group group : Group.values()) {
      rejections.put(
          group,
          Counter.builder("flowlet.rate.limit.rejections")
              .description("Requests answered 429 because their client exceeded its rate")
              .tag("route_group", group.label())
              .register(meters));
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !settings.enabled() || Group.of(request.getRequestURI()) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Group group = Group.of(request.getRequestURI());
    ConsumptionProbe probe = limits.tryConsume(group, client(request));
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    rejections.get(group).increment();
    long seconds = Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
    response.setHeader("Retry-After", Long.toString(seconds));
    Problems.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests; retry after the number of seconds in Retry-After");
  }

  private static String client(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "user:" + authentication.getName();
    }
    return "address:" + request.getRemoteAddr();
  }
}
