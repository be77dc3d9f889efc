package dev.flowlet.batch.audit;

import dev.flowlet.batch.alerts.AlertPublisher;
import dev.flowlet.batch.jobs.JobReports;
import dev.flowlet.events.Alert;
import dev.flowlet.events.audit.AuditCheckpoint;
import dev.flowlet.events.audit.ChainBreak;
import dev.flowlet.events.audit.ChainVerification;
import dev.flowlet.events.audit.ChainVerifier;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verifies every audit chain (or the one named by the {@code chain} parameter): reads it from
 * Elasticsearch in sequence order, recomputes each hash and link, checks each stored checkpoint,
 * cross-checks the API's chain with {@code audit_logs}, reports the first break of each chain,
 * counts breaks and raises one alert per break. Reads only, and alert ids are deterministic (chain,
 * kind, sequence), so running it again repeats the same verdict without piling up alerts.
 */
final class VerifyingAuditChains implements Tasklet {

  /** The chain the API writes, cross-checked against {@code audit_logs}. */
  static final String API_CHAIN = "api";

  /** The exit status of a run that found a break (the execution still completes). */
  static final String BROKEN = "BROKEN";

  private static final Logger log = LoggerFactory.getLogger(VerifyingAuditChains.class);

  private final AuditIndex index;
  private final StoredCheckpoints checkpoints;
  private final JdbcClient jdbc;
  private final Map<String, PublicKey> publicKeys;
  private final Duration settle;
  private final AuditChainMetrics metrics;
  private final AlertPublisher alerts;
  private final Clock clock;

  VerifyingAuditChains(
      AuditIndex index,
      StoredCheckpoints checkpoints,
      JdbcClient jdbc,
      Map<String, PublicKey> publicKeys,
      Duration settle,
      AuditChainMetrics metrics,
      AlertPublisher alerts,
      Clock clock) {
    this.index = index;
    this.checkpoints = checkpoints;
    this.jdbc = jdbc;
    this.publicKeys = publicKeys;
    this.settle = settle;
    this.metrics = metrics;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    Instant started = clock.instant();
    Instant settled = started.minus(settle);
    String only = contribution.getStepExecution().getJobParameters().getString("chain");
    TreeSet<String> chains = new TreeSet<>();
    if (only != null) {
      chains.add(only);
    } else {
      chains.addAll(index.chains());
      chains.addAll(checkpoints.chains());
    }
    List<AuditChainReport.ChainReport> reports = new ArrayList<>();
    AuditLogCrossCheck crossCheck = null;
    long events = 0;
    long anchors = 0;
    long read = 0;
    int breaks = 0;
    for (String chain : chains) {
      List<AuditCheckpoint> signed = checkpoints.of(chain);
      ChainVerifier verifier = ChainVerifier.of(chain, signed, publicKeys);
      AuditLogCrossCheck database =
          chain.equals(API_CHAIN) ? new AuditLogCrossCheck(jdbc, chain) : null;
      long chainRead =
          index.readChain(
              chain,
              page -> {
                if (database != null) {
                  database.compare(page);
                }
                boolean intact = true;
                for (var event : page) {
                  intact = verifier.accept(event);
                  if (!intact) {
                    break;
                  }
                }
                return intact || database != null;
              });
      ChainVerification verification =
          verifier.finish(checkpoint -> checkpoint.createdAt().isBefore(settled));
      if (database != null) {
        database.finish(settled, index);
        crossCheck = database;
        if (database.report().mismatches() > 0) {
          breaks++;
          raise(chain, "CROSS_CHECK", 0, database.report().firstProblem().problem());
        }
      }
      ChainBreak broke = verification.firstBreak();
      if (broke != null) {
        breaks++;
        raise(chain, broke.kind().name(), broke.sequence(), broke.detail());
      }
      reports.add(
          new AuditChainReport.ChainReport(
              chain,
              chainRead,
              verification.eventsVerified(),
              verification.checkpointsVerified(),
              verification.lastSequence(),
              broke));
      events += verification.eventsVerified();
      anchors += verification.checkpointsVerified();
      read += chainRead;
    }
    Instant finished = clock.instant();
    double seconds = Math.max(Duration.between(started, finished).toNanos() / 1e9, 1e-9);
    AuditChainReport report =
        new AuditChainReport(
            breaks == 0 ? "INTACT" : BROKEN,
            events,
            anchors,
            seconds,
            Math.round(read / seconds * 10) / 10.0,
            reports,
            crossCheck == null ? null : crossCheck.report());
    JobReports.store(contribution.getStepExecution().getJobExecution(), report);
    metrics.verified(finished, breaks);
    log.info(
        "Audit chains verified: {} chains, {} events, {} checkpoints, {} breaks in {} s",
        chains.size(),
        events,
        anchors,
        breaks,
        seconds);
    if (breaks > 0) {
      contribution.setExitStatus(new ExitStatus(BROKEN, breaks + " break(s) in the audit chains"));
    }
    return RepeatStatus.FINISHED;
  }

  private void raise(String chain, String kind, long sequence, String detail) {
    alerts.raise(
        "audit-chain-" + chain + "-" + kind + "-" + sequence,
        "audit.chain." + kind,
        Alert.Severity.CRITICAL,
        "Audit chain " + chain + " breaks at sequence " + sequence + ": " + detail,
        null);
  }
}
