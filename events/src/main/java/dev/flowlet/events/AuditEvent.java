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
    Map<String, String> details) {

  public static final int SCHEMA_VERSION = 1;
}
