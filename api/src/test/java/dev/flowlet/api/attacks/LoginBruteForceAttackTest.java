package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password guessing against the login: many guesses at once from many addresses still lock the
 * account after five counted failures; once locked, the right password is refused exactly like a
 * wrong one and opens no session; and a user name that does not exist, is locked or is disabled
 * gets the same answer in about the same time as a wrong password, so neither the answer nor its
 * timing tells a guesser which names exist or are locked.
 */
@AttackTest
class LoginBruteForceAttackTest {

  private static final int PARALLEL_GUESSES = 20;
  private static final String PASSWORD = "brute-force-target-1";
  private static final int TIMED_ROUNDS = 15;
  private static final String WRONG_PASSWORD = "wrong password";

  private final AttackClient client;
  private final JdbcTemplate jdbc;

  LoginBruteForceAttackTest(@LocalServerPort int port, JdbcTemplate jdbc) {
    this.client = new AttackClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void parallelGuessesCountAtMostFiveFailuresAndTheLockHoldsAgainstTheRightPassword()
      throws Exception {
    String user = staffUser("brute");
    AttackClient.Response wrong = client.login("nobody-" + UUID.randomUUID(), "guess", Map.of());

    List<CompletableFuture<AttackClient.Response>> guesses = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(PARALLEL_GUESSES)) {
      for (int i = 0; i < PARALLEL_GUESSES; i++) {
        String guess = "guess-" + i + "-wrong";
        // Each guess from another address, as a botnet's would come.
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100." + (i + 1));
        guesses.add(CompletableFuture.supplyAsync(() -> client.login(user, guess, from), threads));
      }
      for (CompletableFuture<AttackClient.Response> guess : guesses) {
        AttackClient.Response answer = guess.get();
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(wrong.body());
      }
    }
    long sessionsBefore = sessions(user);
    AttackClient.Response rightPassword = client.login(user, PASSWORD, Map.of());

    assertThat(failures(user, "bad_credentials")).isEqualTo(5);
    assertThat(failures(user, "locked")).isEqualTo(PARALLEL_GUESSES - 5 + 1);
    assertThat(audited(user, "auth.locked_out")).isEqualTo(1);
    assertThat(rightPassword.status()).isEqualTo(401);
    assertThat(rightPassword.body()).isEqualTo(wrong.body());
    assertThat(rightPassword.body()).doesNotContainIgnoringCase("lock");
    assertThat(sessions(user)).isEqualTo(sessionsBefore).isZero();
  }

  @Test
  void anUnknownDisabledOrLockedUserNameGetsTheAnswerAndTimingOfAWrongPassword() {
    String locked = staffUser("locked");
    for (int i = 0; i < 5; i++) {
      client.login(locked, "wrong-" + i, Map.of());
    }
    String disabled = staffUser("disabled");
    AttackClient.Response disabling =
        client.json(
            "PATCH",
            "/api/v1/users/" + disabled,
            client.token(Caller.ADMIN),
            "{\"enabled\":false}");
    assertThat(disabling.status()).as(disabling.toString()).isEqualTo(200);
    // Four wrong passwords at most per user name, so that none of them locks while measured.
    List<String> known =
        IntStream.range(0, TIMED_ROUNDS / 4 + 1).mapToObj(i -> staffUser("known")).toList();
    String unknown = "nobody-" + UUID.randomUUID();
    Map<String, IntFunction<AttackClient.Response>> kinds = new LinkedHashMap<>();
    kinds.put(
        WRONG_PASSWORD,
        i ->
            client.login(
                known.get(i % known.size()), "wrong-" + i + "-" + UUID.randomUUID(), Map.of()));
    kinds.put("unknown user", i -> client.login(unknown, "guess-" + i, Map.of()));
    // The right password: a lock or a disabled flag must not be given away by a faster answer.
    kinds.put("locked user", i -> client.login(locked, PASSWORD, Map.of()));
    kinds.put("disabled user", i -> client.login(disabled, PASSWORD, Map.of()));
    // Warm up the password hash, the code paths and the connection pool before measuring.
    String spare = staffUser("warm-up");
    for (int i = 0; i < 3; i++) {
      client.login(spare, "warm-up-" + i, Map.of());
      kinds.entrySet().stream()
          .filter(kind -> !kind.getKey().equals(WRONG_PASSWORD))
          .forEach(kind -> kind.getValue().apply(-1));
    }

    Map<String, Timing> timings = Timing.interleaved(TIMED_ROUNDS, kinds);

    System.out.println(
        "login timing, median ms over "
            + TIMED_ROUNDS
            + " interleaved rounds: "
            + timings.entrySet().stream()
                .map(timing -> timing.getKey() + " " + timing.getValue().medianMillis())
                .collect(Collectors.joining(", ")));
    List<AttackClient.Response> answers =
        timings.values().stream().flatMap(timing -> timing.answers().stream()).toList();
    assertThat(answers).hasSize(TIMED_ROUNDS * kinds.size());
    assertThat(answers).extracting(AttackClient.Response::status).containsOnly(401);
    assertThat(answers).extracting(AttackClient.Response::body).containsOnly(answers.get(0).body());
    // Interleaved, so that the shared machine's noise hits every kind alike; still generous.
    double wrongPassword = timings.get(WRONG_PASSWORD).medianNanos();
    timings.forEach(
        (kind, timing) ->
            assertThat(timing.medianNanos() / wrongPassword)
                .as("median time of a login by %s relative to a wrong password", kind)
                .isBetween(0.6, 1.6));
  }

  private String staffUser(String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    AttackClient.Response created =
        client.json(
            "POST",
            "/api/v1/users",
            client.token(Caller.ADMIN),
            """
            {"username":"%s","password":"%s","roles":["AUDITOR"]}"""
                .formatted(username, PASSWORD));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return username;
  }

  private long failures(String user, String reason) {
    return jdbc.queryForObject(
        """
        select count(*) from audit_logs where action = 'auth.login_failed'
           and resource_id = ? and details ->> 'reason' = ?
        """,
        Long.class,
        user,
        reason);
  }

  private long audited(String user, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_logs where action = ? and resource_id = ?",
        Long.class,
        action,
        user);
  }

  private long sessions(String user) {
    return jdbc.queryForObject(
        "select count(*) from refresh_families where username = ?", Long.class, user);
  }

  /** Wall-clock times of repeated calls, and their answers. */
  private record Timing(List<Long> nanos, List<AttackClient.Response> answers) {

    /**
     * Calls each kind once per round, starting each round with the next kind, so that no kind
     * always runs first or last.
     */
    static Map<String, Timing> interleaved(
        int rounds, Map<String, IntFunction<AttackClient.Response>> kinds) {
      Map<String, Timing> timings = new LinkedHashMap<>();
      kinds
          .keySet()
          .forEach(kind -> timings.put(kind, new Timing(new ArrayList<>(), new ArrayList<>())));
      List<String> order = new ArrayList<>(kinds.keySet());
      for (int round = 0; round < rounds; round++) {
        for (String kind : order) {
          long start = System.nanoTime();
          AttackClient.Response answer = kinds.get(kind).apply(round);
          timings.get(kind).nanos().add(System.nanoTime() - start);
          timings.get(kind).answers().add(answer);
        }
        Collections.rotate(order, 1);
      }
      return timings;
    }

    double medianNanos() {
      List<Long> sorted = nanos.stream().sorted().toList();
      int middle = sorted.size() / 2;
      return sorted.size() % 2 == 1
          ? sorted.get(middle)
          : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    long medianMillis() {
      return Math.round(medianNanos() / 1_000_000);
    }
  }
}
