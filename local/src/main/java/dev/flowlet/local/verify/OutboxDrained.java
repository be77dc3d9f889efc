package dev.flowlet.local.verify;

/**
 * Nothing is stuck in the outbox: no unpublished row older than the grace period (younger ones are
 * in flight). Counted as missing: a stuck row is an accepted change not yet on Kafka.
 */
final class OutboxDrained implements Check {

  @Override
  public String name() {
    return "outbox drained";
  }

  @Override
  public CheckResult run(VerifyContext context) {
    long graceSeconds = context.settings().outboxGrace().toSeconds();
    long[] counts =
        context.numbers(
            """
            select count(*), count(*) filter (where created_at < now() - make_interval(secs => %d))
            from outbox where published_at is null and created_at >= ? and created_at < ?
            """
                .formatted(graceSeconds),
            context.settings().from(),
            context.settings().to());
    return CheckResult.counted(
        name(),
        counts[0],
        counts[1],
        0,
        0,
        "unpublished rows; older than " + graceSeconds + " s count as stuck");
  }
}
