package dev.flowlet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

  private static final String PASSWORD = "correct horse battery staple";
  private final PasswordEncoder passwords = new PasswordHashing().passwordEncoder();

  @Test
  void hashesNewPasswordsWithArgon2idAtTheChosenCost() {
    String hash = passwords.encode(PASSWORD);

    assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(passwords.matches(PASSWORD, hash)).isTrue();
    assertThat(passwords.matches(PASSWORD + "!", hash)).isFalse();
    assertThat(passwords.upgradeEncoding(hash)).isFalse();
  }

  @Test
  void stillVerifiesBcryptHashesAndAsksToUpgradeThem() {
    String legacy = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

    assertThat(passwords.matches(PASSWORD, legacy)).isTrue();
    assertThat(passwords.matches("wrong", legacy)).isFalse();
    assertThat(passwords.upgradeEncoding(legacy)).isTrue();
  }

  @Test
  void refusesAHashWithoutAKnownAlgorithmInsteadOfFailing() {
    assertThat(passwords.matches(PASSWORD, "$2a$10$no-algorithm-id-in-front")).isFalse();
    assertThat(passwords.matches(PASSWORD, "{md5}5f4dcc3b5aa765d61d8327deb882cf99")).isFalse();
  }

  @Test
  void asksToUpgradeArgon2HashesOfALowerCost() {
    String cheaper =
        "{argon2}"
            + new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(
                    16, 32, 1, 4096, 2)
                .encode(PASSWORD);

    assertThat(passwords.matches(PASSWORD, cheaper)).isTrue();
    assertThat(passwords.upgradeEncoding(cheaper)).isTrue();
  }
}
