package dev.flowlet.api.web;

import dev.flowlet.problems.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the API alive when offered more than it can serve: at most {@code
 * flowlet.api.max-concurrent-requests} requests to {@code /api/**} are in progress at once, and any
 * more are answered at once with 503 and {@code Retry-After} instead of queueing without bound
 * (with virtual threads every waiting request holds memory until the heap runs out). Nothing is
 * written for a shed request, so a client retries it safely with the same Idempotency-Key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LoadSheddingFilter extends OncePerRequestFilter {

  private final Semaphore permits;
  private final Counter shed;

  LoadSheddingFilter(WebSettings settings, MeterRegistry meters) {
    this.permits = new Semaphore(settings.maxConcurrentRequests());
    this.shed =
        Counter.builder("flowlet.api.requests.shed")
            .description("Requests answered 503 because too many were already in progress")
            .register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!permits.tryAcquire()) {
      shed.increment();
      response.setHeader("Retry-After", "1");
      Problems.write(
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "overloaded",
          "The API is at capacity; retry after the number of seconds in Retry-After");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }
}
