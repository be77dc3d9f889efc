package dev.flowlet.local.verify;

/**
 * Every committed transaction has its risk decision projected in PostgreSQL ({@code
 * risk_decisions}, one row per transaction by its primary key), and every decision row belongs to a
 * committed transaction. Set-based: two aggregate queries.
 */
final class DecisionsInPostgres implements Check {

  @Override
  public String name() {
    return "decisions in PostgreSQL";
  }

  @Override
  public CheckResult run(VerifyContext context) {
    VerifySettings settings = context.settings();
    long[] counts =
        context.numbers(
            """
            select count(*), count(*) filter (where d.transaction_id is null)
            from transactions t left join risk_decisions d on d.transaction_id = t.id
            where t.created_at >= ? and t.created_at < ?
            """,
            settings.from(),
            settings.to());
    long[] orphans =
        context.numbers(
            """
            select count(*) from risk_decisions d
            where d.received_at >= ? and d.received_at < ?
              and not exists (select 1 from transactions t where t.id = d.transaction_id)
            """,
            settings.from(),
            settings.to());
    return CheckResult.counted(name(), counts[0], counts[1], 0, orphans[0], "");
  }
}
