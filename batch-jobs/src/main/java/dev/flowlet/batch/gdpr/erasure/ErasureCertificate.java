package dev.flowlet.batch.gdpr.erasure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The proof that a subject was erased, stored in {@code data_subject_requests.certificate}. Its
 * {@code sha256} is the SHA-256 of the certificate without that member, as canonical JSON (members
 * sorted by name at every level, no white space), so anyone can recompute it from the stored JSON.
 *
 * @param requestId the data subject request
 * @param subjectId the erased subject (customer id)
 * @param requestedBy who asked for the erasure
 * @param approvedBy who approved it (a second person)
 * @param startedAt when this erasure's first run began
 * @param erasedAt the erasure's time in the ledger
 * @param completedAt when the proof was done
 * @param alreadyErased whether the subject was already pseudonymised when this run began (a second
 *     run); then there are no identifiers left to search for, and {@code checks} is empty
 * @param complete whether every store could be searched for every identifier
 * @param steps rows or documents changed, by {@code store.what}
 * @param checks every search of the proof
 * @param totalHits the sum of every check's hits (0 for a proven erasure)
 */
@JsonPropertyOrder(alphabetic = true)
record ErasureCertificate(
    String requestId,
    String subjectId,
    String requestedBy,
    String approvedBy,
    String startedAt,
    String erasedAt,
    String completedAt,
    boolean alreadyErased,
    boolean complete,
    Map<String, Long> steps,
    List<ErasureCheck> checks,
    long totalHits) {

  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  /** The certificate as stored: its members plus {@code sha256}. */
  String toJson() {
    ObjectNode tree = CANONICAL.valueToTree(this);
    tree.put("sha256", sha256Of(tree));
    return CANONICAL.writeValueAsString(tree);
  }

  /** The SHA-256 of {@code certificate} without its {@code sha256} member, canonical JSON. */
  static String sha256Of(JsonNode certificate) {
    ObjectNode copy = (ObjectNode) certificate.deepCopy();
    copy.remove("sha256");
    Object plain = CANONICAL.treeToValue(copy, Object.class);
    return Identifiers.sha256(CANONICAL.writeValueAsString(plain));
  }
}
