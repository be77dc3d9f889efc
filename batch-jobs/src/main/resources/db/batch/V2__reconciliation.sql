-- reconciliationJob: the statement lines of each run (job instance) and what reconciliation found.

-- Valid lines only (invalid ones go straight to the results). Written in chunks with COPY; the
-- primary key makes a line written twice (a restart gone wrong) fail instead of counting twice.
create table reconciliation_lines (
    instance_id    bigint         not null,
    line_no        bigint         not null,
    statement_ref  text,
    value_date     date           not null,
    amount         numeric(20, 4) not null,
    currency       char(3)        not null,
    counterparty   text,
    transaction_id uuid,
    primary key (instance_id, line_no)
);

-- One row per statement line, per ledger row without a line, or per matched pair. Amounts are
-- signed from the account's side: money in positive, money out negative.
create table reconciliation_results (
    instance_id         bigint         not null,
    category            text           not null check (category in ('MATCHED', 'AMOUNT_MISMATCH',
                            'MISSING_IN_LEDGER', 'MISSING_IN_STATEMENT', 'DUPLICATE_IN_STATEMENT',
                            'INVALID_LINE')),
    line_no             bigint,
    statement_ref       text,
    value_date          date,
    statement_amount    numeric(20, 4),
    currency            char(3),
    counterparty        text,
    transaction_id      uuid,
    ledger_id           uuid,
    ledger_date         date,
    ledger_amount       numeric(20, 4),
    ledger_currency     char(3),
    ledger_counterparty text,
    reason              text,
    check (line_no is not null or ledger_id is not null)
);
-- Every line and every ledger row is reported at most once per run: one-to-one matching, enforced.
create unique index reconciliation_results_line on reconciliation_results (instance_id, line_no)
    where line_no is not null;
create unique index reconciliation_results_ledger on reconciliation_results (instance_id, ledger_id)
    where ledger_id is not null;
