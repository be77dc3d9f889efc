package dev.flowlet.events.audit;

import dev.flowlet.events.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * How audit events are linked into a tamper-evident chain. The streams processor links, the
 * verification job, the API and {@code ./flowlet verify} check with the same code, so they can
 * never disagree on a byte.
 *
 * <p>The hash of an event is the lowercase hex SHA-256 of its canonical form, UTF-8 text made of
 * one line per field in this fixed order:
 *
 * <pre>
 * flowlet-audit-chain-v1
 * schemaVersion=&lt;decimal&gt;
 * eventId=&lt;value&gt;        (and likewise chainId, occurredAt, actor, role, action,
 *                          resourceType, resourceId, subjectId, outcome, sourceIp, requestId)
 * details=&lt;number of entries&gt;
 * &lt;key&gt;=&lt;value&gt;           (one line per entry, sorted by key in UTF-16 order)
 * sequence=&lt;decimal&gt;
 * previousHash=&lt;64 hex digits&gt;
 * </pre>
 *
 * where {@code <value>} is {@code ~} for null, else {@code <length in UTF-8 bytes>:<text>}, so that
 * no choice of text (newlines, {@code =}, {@code ~}) can make two different events read alike.
 * {@code occurredAt} is written as {@link java.time.Instant#toString()} (ISO-8601, UTC, as many
 * fraction digits as it has). A null {@code details} counts as an empty map. Every line ends with
 * {@code \n}.
 */
public final class AuditChain {

  /** The {@code previousHash} of the first event of every chain: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final String HEADER = "flowlet-audit-chain-v1";

  private AuditChain() {}

  /** {@code event} placed after {@code head}: the next sequence, linked to the head's hash. */
  public static AuditEvent link(AuditEvent event, ChainHead head) {
    long sequence = head.sequence() + 1;
    return event.chained(sequence, head.hash(), hash(event, sequence, head.hash()));
  }

  /** The hash {@code event} must carry at its own sequence after its own previous hash. */
  public static String recomputedHash(AuditEvent event) {
    if (event.sequence() == null || event.previousHash() == null) {
      throw new IllegalArgumentException("The event was never chained");
    }
    return hash(event, event.sequence(), event.previousHash());
  }

  /** The lowercase hex SHA-256 of {@link #canonicalForm}. */
  public static String hash(AuditEvent event, long sequence, String previousHash) {
    return HexFormat.of().formatHex(sha256().digest(canonicalForm(event, sequence, previousHash)));
  }

  /** The exact bytes that are hashed, as documented on this class. */
  public static byte[] canonicalForm(AuditEvent event, long sequence, String previousHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    line(out, HEADER);
    line(out, "schemaVersion=" + event.schemaVersion());
    field(out, "eventId", event.eventId());
    field(out, "chainId", event.chainId());
    field(out, "occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
    field(out, "actor", event.actor());
    field(out, "role", event.role());
    field(out, "action", event.action());
    field(out, "resourceType", event.resourceType());
    field(out, "resourceId", event.resourceId());
    field(out, "subjectId", event.subjectId());
    field(out, "outcome", event.outcome());
    field(out, "sourceIp", event.sourceIp());
    field(out, "requestId", event.requestId());
    Map<String, String> details =
        event.details() == null ? Map.of() : new TreeMap<>(event.details());
    line(out, "details=" + details.size());
    details.forEach((key, value) -> line(out, value(key) + "=" + value(value)));
    line(out, "sequence=" + sequence);
    field(out, "previousHash", previousHash);
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String name, String value) {
    line(out, name + "=" + value(value));
  }

  private static String value(String value) {
    return value == null ? "~" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
  }

  private static void line(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
