package dev.flowlet.api.auth;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (memory-hard, the OWASP first choice) at OWASP's baseline
 * cost: 19 MiB of memory, 2 iterations, 1 lane, 16-byte salt, 32-byte hash. Hashes are stored with
 * their algorithm id ({@code {argon2}...}), so older bcrypt hashes ({@code {bcrypt}...}) keep
 * verifying and are re-hashed with Argon2id at the user's next successful login; raising the cost
 * here upgrades stored Argon2 hashes the same way.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);

  /** The minimum length of a new password (NIST SP 800-63B allows 8; a bank wants more). */
  static final int MIN_LENGTH = 12;

  static final int MAX_LENGTH = 256;

  private static final String ARGON2 = "argon2";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int LANES = 1;
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;

  @Bean
  PasswordEncoder passwordEncoder() {
    DelegatingPasswordEncoder byAlgorithm =
        new DelegatingPasswordEncoder(
            ARGON2,
            Map.of(
                ARGON2,
                new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, MEMORY_KIB, ITERATIONS),
                "bcrypt",
                new BCryptPasswordEncoder()));
    byAlgorithm.setDefaultPasswordEncoderForMatches(new UnknownAlgorithm());
    return new Bounded(byAlgorithm, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** A stored hash without a known algorithm id verifies nothing (instead of failing with 500). */
  private static final class UnknownAlgorithm implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
      throw new UnsupportedOperationException("Only verifies, and never successfully");
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      log.warn("A stored password hash names no known algorithm; the login is refused");
      return false;
    }
  }

  /** Runs at most {@code permits} hashes at once. */
  private static final class Bounded implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final Semaphore permits;

    Bounded(PasswordEncoder encoder, int permits) {
      this.encoder = encoder;
      this.permits = new Semaphore(permits, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
      return bounded(() -> encoder.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      return bounded(() -> encoder.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
      return encoder.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hashing) {
      permits.acquireUninterruptibly();
      try {
        return hashing.get();
      } finally {
        permits.release();
      }
    }
  }
}
