package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password guessing against the login: many guesses at once from many addresses still lock the
 * account after five counted failures; once locked, the right password is refused exactly like a
 * wrong one and opens no session; and a user name that does not exist gets the same answer, in the
 * same time class, as one that does, so guessing cannot find out which names exist or are locked.
 */
@AttackTest
class LoginBruteForceAttackTest {

  private static final int PARALLEL_GUESSES = 20;
  private static final String PASSWORD = "brute-force-target-1";

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
  void anUnknownOrLockedUserNameGetsTheAnswerAndTimingOfAWrongPassword() {
    String locked = staffUser("locked");
    for (int i = 0; i < 5; i++) {
      client.login(locked, "wrong-" + i, Map.of());
    }
    List<String> known = List.of(staffUser("known"), staffUser("known"), staffUser("known"));
    String unknown = "nobody-" + UUID.randomUUID();
    // Warm up the password hash and the connection pool before measuring.
    for (int i = 0; i < 3; i++) {
      client.login(unknown, "warm-up", Map.of());
    }

    List<AttackClient.Response> answers = new ArrayList<>();
    Timing wrongPassword =
        Timing.of(
            12,
            i -> {
              AttackClient.Response answer = client.login(known.get(i % 3), "wrong-" + i, Map.of());
              answers.add(answer);
              return answer;
            });
    Timing unknownUser =
        Timing.of(12, i -> record(answers, () -> client.login(unknown, "x" + i, Map.of())));
    Timing lockedUser =
        Timing.of(12, i -> record(answers, () -> client.login(locked, PASSWORD, Map.of())));

    System.out.printf(
        "login timing, median ms: wrong password %d, unknown user %d, locked user %d%n",
        wrongPassword.medianMillis(), unknownUser.medianMillis(), lockedUser.medianMillis());
    assertThat(answers).hasSize(36);
    assertThat(answers).extracting(AttackClient.Response::status).containsOnly(401);
    assertThat(answers).extracting(AttackClient.Response::body).containsOnly(answers.get(0).body());
    // Measured, not asserted tightly (the build machine is shared): within 4x and 250 ms.
    for (Timing timing : List.of(unknownUser, lockedUser)) {
      assertThat(timing.medianMillis())
          .isBetween(
              wrongPassword.medianMillis() / 4 - 250, wrongPassword.medianMillis() * 4 + 250);
    }
  }

  private static AttackClient.Response record(
      List<AttackClient.Response> answers, Supplier<AttackClient.Response> login) {
    AttackClient.Response answer = login.get();
    answers.add(answer);
    return answer;
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

  /** Wall-clock times of repeated calls. */
  private record Timing(List<Long> nanos) {

    static Timing of(int times, java.util.function.IntFunction<AttackClient.Response> call) {
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        long start = System.nanoTime();
        call.apply(i);
        nanos.add(System.nanoTime() - start);
      }
      return new Timing(nanos);
    }

    long medianMillis() {
      List<Long> sorted = nanos.stream().sorted().toList();
      return sorted.get(sorted.size() / 2) / 1_000_000;
    }
  }
}
