-- The complete ledger: full customer profiles, account limits and life cycle, transfers.

alter table customers
    add column phone          text,
    add column address_line1  text,
    add column address_line2  text,
    add column postal_code    text,
    add column city           text,
    add column address_country char(2),
    add column date_of_birth  date,
    add column updated_at     timestamptz;
alter table customers
    add constraint customers_status_known check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED'));

alter table accounts
    add column overdraft_limit numeric(20, 4) not null default 0 check (overdraft_limit >= 0),
    add column closed_at       timestamptz;
alter table accounts
    add constraint accounts_status_known check (status in ('ACTIVE', 'FROZEN', 'CLOSED')),
    -- The balance may go below zero only as far as the overdraft limit allows.
    add constraint accounts_within_overdraft check (balance >= -overdraft_limit);

alter table transactions
    add column counterparty_account_id uuid references accounts (id),
    add column balance_after           numeric(20, 4);
alter table transactions
    add constraint transactions_type_known
        check (type in ('DEPOSIT', 'WITHDRAWAL', 'TRANSFER', 'CARD_PAYMENT', 'REFUND')),
    add constraint transactions_transfer_has_target
        check ((type = 'TRANSFER') = (counterparty_account_id is not null));

-- Keyset pagination walks (created_at, id) newest first, per account and overall.
drop index idx_transactions_account_id;
create index idx_transactions_account_id on transactions (account_id, created_at desc, id desc);
drop index idx_transactions_created_at;
create index idx_transactions_created_at on transactions (created_at desc, id desc);
create index idx_transactions_counterparty_account_id on transactions (counterparty_account_id)
    where counterparty_account_id is not null;
