package dev.flowlet.api.transactions;

import dev.flowlet.api.problems.ConflictException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers the first answer to each (actor, {@code Idempotency-Key}). Claiming a key inserts its
 * row in the caller's transaction; a concurrent duplicate blocks on the primary key until that
 * transaction ends, then sees the stored answer. So two requests with one key never both write.
 */
@Component
class IdempotencyKeys {

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims {@code key} for a request with {@code requestHash}: empty when this request owns it now,
   * the stored answer when an earlier identical request completed.
   *
   * @throws ConflictException when the key was used for a different request
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<StoredResponse> claim(String actor, String key, String requestHash) {
    int inserted =
        jdbc.sql(
                "insert into idempotency_keys (actor, idempotency_key, request_hash)"
                    + " values (?, ?, ?) on conflict do nothing")
            .params(actor, key, requestHash)
            .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    StoredResponse stored =
        jdbc.sql(
                "select request_hash, response_status, response_body from idempotency_keys"
                    + " where actor = ? and idempotency_key = ?")
            .params(actor, key)
            .query(StoredResponse.class)
            .single();
    if (!stored.requestHash().equals(requestHash)) {
      throw new ConflictException(
          "This Idempotency-Key was already used for a different request; use a new key");
    }
    return Optional.of(stored);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void complete(String actor, String key, int status, String body) {
    jdbc.sql(
            "update idempotency_keys set response_status = ?, response_body = ?"
                + " where actor = ? and idempotency_key = ?")
        .params(status, body, actor, key)
        .update();
  }

  record StoredResponse(String requestHash, int responseStatus, String responseBody) {}
}
