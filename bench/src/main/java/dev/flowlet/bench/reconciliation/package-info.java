/**
 * The batch benchmark (see {@code bench/reconciliation.sh}): reconciliation of 1,000,000 statement
 * lines against 1,000,000 ledger rows through the running batch-jobs app, with its peak heap,
 * against the equivalent full outer join in PostgreSQL; and backup verification of a ~1 GB database
 * against {@code pg_dump} + {@code pg_restore} alone.
 */
package dev.flowlet.bench.reconciliation;
