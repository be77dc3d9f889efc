package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * The production rate limits (10/s, burst 20 on /api; 5/s, burst 10 on /api/v1/auth), per user when
 * signed in and per client address otherwise.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {SecurityTestContexts.BEHIND_LOCAL_PROXY, SecurityTestContexts.RATE_LIMITED})
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class RateLimitIntegrationTest {

  private final HttpCalls http;

  RateLimitIntegrationTest(@LocalServerPort int port) {
    this.http = new HttpCalls(port);
  }

  @Test
  void answers429WithRetryAfterOnceAUserExceedsTheBurstThenRecovers() {
    String auditor = login("demo-auditor", "192.0.2.1");
    String operator = login("demo-operator", "192.0.2.1");
    String path = "/api/v1/transactions/" + UUID.randomUUID();
    double rejectedBefore = rejections("api");

    List<ApiClient.Response> answers = burst(45, () -> http.json("GET", path, auditor, null));

    List<ApiClient.Response> limited =
        answers.stream().filter(answer -> answer.status() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(answers.stream().filter(answer -> answer.status() == 404).count())
        .isBetween(20L, 44L);
    ApiClient.Response first = limited.getFirst();
    assertThat(first.contentType()).startsWith("application/problem+json");
    assertThat(first.json().get("type").asString())
        .isEqualTo("https://flowlet.dev/problems/rate-limited");
    assertThat(Long.parseLong(first.header("Retry-After"))).isBetween(1L, 2L);
    assertThat(http.json("GET", path, operator, null).status())
        .as("another user has a bucket of its own")
        .isEqualTo(404);
    assertThat(rejections("api")).isGreaterThanOrEqualTo(rejectedBefore + limited.size());
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> http.json("GET", path, auditor, null).status() == 404);
  }

  @Test
  void limitsAuthenticationPerClientAddressBehindTheProxy() {
    List<Integer> statuses =
        burst(
                30,
                () ->
                    http.json(
                        "POST",
                        "/api/v1/auth/token",
                        null,
                        "{}",
                        Map.of("X-Forwarded-For", "192.0.2.77")))
            .stream()
            .map(ApiClient.Response::status)
            .toList();

    assertThat(statuses).contains(429);
    assertThat(statuses.stream().filter(status -> status == 400).count()).isBetween(10L, 29L);
    assertThat(
            http.json(
                    "POST",
                    "/api/v1/auth/token",
                    null,
                    "{}",
                    Map.of("X-Forwarded-For", "192.0.2.78"))
                .status())
        .as("another client address has a bucket of its own")
        .isEqualTo(400);
    assertThat(rejections("auth")).isPositive();
  }

  /** Sends {@code count} requests from ten threads at once, faster than any bucket refills. */
  private static List<ApiClient.Response> burst(int count, Supplier<ApiClient.Response> request) {
    List<ApiClient.Response> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      List<Future<ApiClient.Response>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(request::get));
      }
      for (Future<ApiClient.Response> future : futures) {
        answers.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return answers;
  }

  private String login(String user, String address) {
    return http.login(user, ApiClient.DEMO_PASSWORD, Map.of("X-Forwarded-For", address))
        .json()
        .get("access_token")
        .asString();
  }

  private double rejections(String group) {
    String body = http.json("GET", "/metrics", null, null).body();
    Matcher matcher =
        Pattern.compile(
                "(?m)^flowlet_rate_limit_rejections_total\\{[^}]*route_group=\""
                    + group
                    + "\"[^}]*} (\\S+)$")
            .matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
