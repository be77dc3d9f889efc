package dev.flowlet.events;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail: who did what to which resource, about which data subject, with
 * which outcome. Never carries personal data or card numbers in clear, only ids.
 *
 * @param schemaVersion version of this record's schema
 * @param eventId unique id, also the Elasticsearch document id
 * @param chainId the audit chain this event belongs to (also the Kafka key)
 * @param occurredAt when the action happened
 * @param actor who acted: a user name or a system component
 * @param role the actor's role
 * @param action what was done, e.g. {@code transaction.created}
 * @param resourceType the kind of resource acted on, e.g. {@code transaction}
 * @param resourceId the id of the resource
 * @param subjectId the data subject concerned, if any
 * @param outcome {@code SUCCESS} or {@code FAILURE}
 * @param sourceIp client address, if the action came over the network
 * @param requestId the request that caused it, if any
 * @param details further non-personal facts
 * @param sequence position in its chain (1, 2, 3...), null until the chainer placed it
 * @param previousHash hash of the predecessor in the chain (64 zeros for the first), null until
 *     chained
 * @param hash SHA-256 of this event's canonical form ({@link dev.flowlet.events.audit.AuditChain}),
 *     null until chained
 */
public record AuditEvent(
    int schemaVersion,
    String eventId,
    String chainId,
    Instant occurredAt,
    String actor,
    String role,
    String action,
    String resourceType,
    String resourceId,
    String subjectId,
    String outcome,
    String sourceIp,
    String requestId,
    Map<String, String> details,
    Long sequence,
    String previousHash,
    String hash) {

  /**
   * Version 2 added {@code sequence}, {@code previousHash} and {@code hash}; a version 1 record
   * reads as an unchained version 2 one (the three are null).
   */
  public static final int SCHEMA_VERSION = 2;

  /** An event as its source writes it: not yet placed in its chain. */
  public AuditEvent(
      int schemaVersion,
      String eventId,
      String chainId,
      Instant occurredAt,
      String actor,
      String role,
      String action,
      String resourceType,
      String resourceId,
      String subjectId,
      String outcome,
      String sourceIp,
      String requestId,
      Map<String, String> details) {
    this(
        schemaVersion,
        eventId,
        chainId,
        occurredAt,
        actor,
        role,
        action,
        resourceType,
        resourceId,
        subjectId,
        outcome,
        sourceIp,
        requestId,
        details,
        null,
        null,
        null);
  }

  /** This event placed at {@code sequence} after {@code previousHash}, with its own hash. */
  public AuditEvent chained(long sequence, String previousHash, String hash) {
    return new AuditEvent(
        schemaVersion,
        eventId,
        chainId,
        occurredAt,
        actor,
        role,
        action,
        resourceType,
        resourceId,
        subjectId,
        outcome,
        sourceIp,
        requestId,
        details,
        sequence,
        previousHash,
        hash);
  }
}
