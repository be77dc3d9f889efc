package dev.flowlet.batch.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * {@code flowlet_audit_chain_breaks_total} (breaks found: one per broken chain and one for a failed
 * cross-check with the database, per run) and {@code
 * flowlet_audit_chain_last_verified_timestamp_seconds} (when a run last finished, 0 before the
 * first).
 */
@Component
class AuditChainMetrics {

  private final Counter breaks;
  private final AtomicReference<Instant> lastVerified = new AtomicReference<>(Instant.EPOCH);

  AuditChainMetrics(MeterRegistry meters) {
    this.breaks =
        Counter.builder("flowlet.audit.chain.breaks")
            .description("Breaks found in the audit hash chain or its checkpoints")
            .register(meters);
    Gauge.builder(
            "flowlet.audit.chain.last.verified.timestamp",
            lastVerified,
            at -> at.get().toEpochMilli() / 1000.0)
        .description("When the audit chain was last verified end to end")
        .baseUnit("seconds")
        .register(meters);
  }

  void verified(Instant at, int breaksFound) {
    breaks.increment(breaksFound);
    lastVerified.set(at);
  }
}
