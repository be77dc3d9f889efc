package dev.flowlet.api.attacks;

import java.util.List;

/** Strings that break a query built by concatenation, in SQL or in Elasticsearch's syntax. */
final class Payloads {

  static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1 --",
          "' OR '1'='1",
          "\"; drop table customers; --",
          "1; select pg_sleep(5)--",
          "') union select username, password_hash from staff_users --",
          "*:*",
          "\\\"",
          "name:* OR id:*",
          "{\"query\":{\"match_all\":{}}}",
          "%00",
          "nul\u0000byte",
          "a".repeat(6000),
          "Ω≈ç√∫ 𝕏 \u202e͏ 中文 \uD83D\uDE00",
          "../../../../etc/passwd",
          "${jndi:ldap://127.0.0.1:1/a}");

  private Payloads() {}

  /**
   * Whether finding the payload in an answer means it was echoed: very short payloads ({@code *:*})
   * occur in ordinary JSON by chance.
   */
  static boolean isDistinctive(String payload) {
    return payload.length() >= 5;
  }
}
