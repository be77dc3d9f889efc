package dev.flowlet.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class LoadSheddingFilterTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoadSheddingFilter filter =
      new LoadSheddingFilter(
          new WebSettings(
              DataSize.ofKilobytes(64),
              List.of(),
              1,
              DataSize.ofKilobytes(8),
              DataSize.ofKilobytes(12)),
          meters);

  @Test
  void answers503WithRetryAfterWhileTheLimitIsInUseAndServesAgainAfterwards() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    filter.doFilter(
                        api(),
                        new MockHttpServletResponse(),
                        (request, response) -> {
                          inside.countDown();
                          awaitQuietly(release);
                        });
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

    MockHttpServletResponse shed = new MockHttpServletResponse();
    filter.doFilter(api(), shed, (request, response) -> {});
    release.countDown();
    first.join();
    MockHttpServletResponse served = new MockHttpServletResponse();
    filter.doFilter(
        api(), served, (request, response) -> ((MockHttpServletResponse) response).setStatus(201));

    assertThat(shed.getStatus()).isEqualTo(503);
    assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
    assertThat(shed.getContentType()).startsWith("application/problem+json");
    assertThat(served.getStatus()).isEqualTo(201);
    assertThat(meters.get("flowlet.api.requests.shed").counter().count()).isEqualTo(1.0);
  }

  @Test
  void neverShedsHealthAndMetrics() throws Exception {
    MockHttpServletRequest health = new MockHttpServletRequest("GET", "/health");
    health.setRequestURI("/health");

    assertThat(filter.shouldNotFilter(health)).isTrue();
    assertThat(filter.shouldNotFilter(api())).isFalse();
  }

  private static MockHttpServletRequest api() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/transactions");
    request.setRequestURI("/api/v1/transactions");
    return request;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
