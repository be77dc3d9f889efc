package dev.flowlet.api.auth;

import java.util.Map;
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
    return new DelegatingPasswordEncoder(
        ARGON2,
        Map.of(
            ARGON2,
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, MEMORY_KIB, ITERATIONS),
            "bcrypt",
            new BCryptPasswordEncoder()));
  }
}
