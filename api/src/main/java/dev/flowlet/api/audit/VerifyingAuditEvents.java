package dev.flowlet.api.audit;

import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.audit.AuditChain;
import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainHead;
import dev.flowlet.events.audit.ChainVerifier;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verifies one audit event: its own hash, the links to its neighbours, and the segment from it to
 * the first signed checkpoint at or after it, so that an event altered and re-hashed together with
 * its successors is still caught by the checkpoint.
 */
final class VerifyingAuditEvents {

  private final AuditDocuments documents;
  private final JdbcClient jdbc;
  private final Map<String, PublicKey> publicKeys;

  VerifyingAuditEvents(
      AuditDocuments documents, JdbcClient jdbc, Map<String, PublicKey> publicKeys) {
    this.documents = documents;
    this.jdbc = jdbc;
    this.publicKeys = publicKeys;
  }

  EventVerification verify(String eventId) {
    AuditEvent event =
        documents.byId(eventId).orElseThrow(() -> new NotFoundException("audit event"));
    if (event.sequence() == null || event.hash() == null || event.previousHash() == null) {
      return new EventVerification(
          eventId, event.chainId(), null, "UNANCHORED", false, false, null, null);
    }
    long sequence = event.sequence();
    boolean hashValid = AuditChain.recomputedHash(event).equals(event.hash());
    boolean linkedToPredecessor =
        sequence == 1
            ? AuditChain.GENESIS.equals(event.previousHash())
            : documents
                .at(event.chainId(), sequence - 1)
                .map(predecessor -> event.previousHash().equals(predecessor.hash()))
                .orElse(false);
    Boolean linkedToSuccessor =
        documents
            .at(event.chainId(), sequence + 1)
            .map(successor -> event.hash().equals(successor.previousHash()))
            .orElse(null);
    Optional<AuditCheckpoint> checkpoint = checkpointFrom(event.chainId(), sequence);
    EventVerification.CheckpointCheck anchor =
        checkpoint
            .map(
                found ->
                    new EventVerification.CheckpointCheck(
                        found.sequence(), CheckpointSignatures.verifies(found, publicKeys)))
            .orElse(null);
    boolean segmentHolds = checkpoint.map(found -> segmentHolds(event, found)).orElse(true);
    boolean altered =
        !hashValid
            || !linkedToPredecessor
            || Boolean.FALSE.equals(linkedToSuccessor)
            || (anchor != null && !anchor.signatureValid())
            || !segmentHolds;
    String verdict = altered ? "ALTERED" : anchor == null ? "UNANCHORED" : "INTACT";
    return new EventVerification(
        eventId,
        event.chainId(),
        sequence,
        verdict,
        hashValid,
        linkedToPredecessor,
        linkedToSuccessor,
        anchor);
  }

  /** Whether the events from {@code event} to the checkpoint link up to the signed head. */
  private boolean segmentHolds(AuditEvent event, AuditCheckpoint checkpoint) {
    ChainVerifier verifier =
        ChainVerifier.after(
            event.chainId(),
            new ChainHead(event.sequence() - 1, event.previousHash()),
            List.of(checkpoint),
            publicKeys);
    documents.range(event.chainId(), event.sequence(), checkpoint.sequence(), verifier::accept);
    return verifier.finish().intact();
  }

  private Optional<AuditCheckpoint> checkpointFrom(String chainId, long sequence) {
    return jdbc.sql(
            """
            select chain_id, sequence, head_hash, created_at, key_id, signature
            from audit_checkpoints where chain_id = ? and sequence >= ?
            order by sequence, created_at limit 1
            """)
        .params(chainId, sequence)
        .query(
            (row, n) ->
                new AuditCheckpoint(
                    AuditCheckpoint.SCHEMA_VERSION,
                    row.getString("chain_id"),
                    row.getLong("sequence"),
                    row.getString("head_hash"),
                    row.getTimestamp("created_at").toInstant(),
                    row.getString("key_id"),
                    row.getString("signature")))
        .optional();
  }
}
