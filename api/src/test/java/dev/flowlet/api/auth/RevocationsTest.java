package dev.flowlet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationsTest {

  private final Revocations revocations =
      Revocations.of(
          List.of(
              new String[] {"jti", "token-1"},
              new String[] {"sid", "session-1"},
              new String[] {"user", "mallory"}));

  @Test
  void refusesADenylistedTokenARevokedSessionAndADisabledUser() {
    assertThat(revocations.refuses("token-1", "session-9", "alice")).isTrue();
    assertThat(revocations.refuses("token-9", "session-1", "alice")).isTrue();
    assertThat(revocations.refuses("token-9", "session-9", "mallory")).isTrue();
  }

  @Test
  void acceptsEverythingElse() {
    assertThat(revocations.refuses("token-9", "session-9", "alice")).isFalse();
    assertThat(Revocations.NONE.refuses("token-1", "session-1", "mallory")).isFalse();
  }
}
