package dev.flowlet.local.verify;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.BreakKind;
import dev.flowlet.events.audit.ChainVerification;
import dev.flowlet.events.audit.ChainVerifier;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every audit chain in {@code flowlet-audit-*} verifies from its first event: contiguous sequence
 * numbers, each hash recomputed from the content, each link to its predecessor, and every signed
 * checkpoint in {@code audit_checkpoints} (signature and head). Chains are always checked whole,
 * whatever {@code --from}/{@code --to} say: a chain cannot be verified from its middle. A gap or a
 * checkpointed sequence that is not indexed counts as missing (it may still be in flight, so verify
 * waits for it like any loss); an altered, reordered or wrongly signed event is a failure at once.
 * The same verifier as {@code auditChainVerificationJob} ({@link ChainVerifier}).
 */
final class AuditChainIntact implements Check {

  /**
   * The public half of the local profile's demo signing key (as in the apps' {@code
   * application-local.yml}); any other deployment sets {@code FLOWLET_AUDIT_PUBLIC_KEYS}.
   */
  static final String LOCAL_DEMO_PUBLIC_KEYS =
      "local-demo:MCowBQYDK2VwAyEAjC61TZw1ZQOGkwcV5zcEBjIivJo3crDJ3DIElrSDXe0=";

  private final Map<String, PublicKey> publicKeys;

  AuditChainIntact(Map<String, PublicKey> publicKeys) {
    this.publicKeys = Map.copyOf(publicKeys);
  }

  /** The keys {@code FLOWLET_AUDIT_PUBLIC_KEYS} names, else the local demo key. */
  static AuditChainIntact from(Map<String, String> env) {
    String configured = env.get("FLOWLET_AUDIT_PUBLIC_KEYS");
    return new AuditChainIntact(
        CheckpointSignatures.publicKeys(
            configured == null || configured.isBlank() ? LOCAL_DEMO_PUBLIC_KEYS : configured));
  }

  @Override
  public String name() {
    return "audit chain";
  }

  @Override
  public CheckResult run(VerifyContext context) {
    Map<String, List<AuditCheckpoint>> checkpoints = context.auditCheckpoints();
    Map<String, ChainVerifier> chains = new LinkedHashMap<>();
    context
        .elasticsearch()
        .scanInOrder(
            "flowlet-audit-*",
            new String[] {"chainId", "sequence"},
            (id, source) -> {
              AuditEvent event = EventJson.mapper().treeToValue(source, AuditEvent.class);
              chains
                  .computeIfAbsent(
                      event.chainId(),
                      chain ->
                          ChainVerifier.of(
                              chain, checkpoints.getOrDefault(chain, List.of()), publicKeys))
                  .accept(event);
            });
    long verified = 0;
    long missing = 0;
    List<String> failures = new ArrayList<>();
    StringJoiner summary = new StringJoiner(", ");
    for (ChainVerifier chain : chains.values()) {
      ChainVerification result = chain.finish();
      verified += result.eventsVerified();
      summary.add(
          result.chainId()
              + " "
              + result.eventsVerified()
              + " events/"
              + result.checkpointsVerified()
              + " checkpoints");
      if (!result.intact()) {
        String where =
            result.chainId()
                + " "
                + result.firstBreak().kind()
                + " at sequence "
                + result.firstBreak().sequence()
                + ": "
                + result.firstBreak().detail();
        if (result.firstBreak().kind() == BreakKind.MISSING) {
          missing++;
          summary.add(where);
        } else {
          failures.add(where);
        }
      }
    }
    if (!failures.isEmpty()) {
      return new CheckResult(
          name(),
          CheckResult.Status.FAILED,
          verified,
          missing,
          0,
          0,
          "broken: " + String.join("; ", failures));
    }
    return CheckResult.counted(name(), verified, missing, 0, 0, summary.toString());
  }
}
