package dev.flowlet.batch.gdpr.erasure;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The clear identifiers of erasures in progress in this JVM, by request id: never written to the
 * database (the job repository keeps only their hashes), forgotten when the proof is done. After a
 * crash of the JVM they are gone, and the proof falls back to the hashes.
 */
@Component
class IdentifierMemory {

  private final Map<String, Identifiers> byRequest = new ConcurrentHashMap<>();

  void remember(String requestId, Identifiers identifiers) {
    byRequest.put(requestId, identifiers);
  }

  Optional<Identifiers> recall(String requestId) {
    return Optional.ofNullable(byRequest.get(requestId));
  }

  void forget(String requestId) {
    byRequest.remove(requestId);
  }
}
