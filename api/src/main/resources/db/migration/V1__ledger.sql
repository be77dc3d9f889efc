-- Flowlet ledger, audit trail and outbox. Index names follow the production guide's list.

-- People who operate Flowlet (not data subjects). Passwords are stored as KDF hashes only.
create table staff_users (
    username      text primary key,
    password_hash text        not null,
    roles         text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

-- The data subjects.
create table customers (
    id         uuid primary key,
    name       text        not null,
    email      text        not null,
    country    char(2)     not null,
    status     text        not null default 'ACTIVE',
    created_at timestamptz not null default now()
);
create index idx_customers_email on customers (email);

create table accounts (
    id          uuid primary key,
    customer_id uuid          not null references customers (id),
    currency    char(3)       not null,
    status      text          not null default 'ACTIVE',
    balance     numeric(20, 4) not null default 0,
    opened_at   timestamptz   not null default now()
);
create index idx_accounts_customer_id on accounts (customer_id);

create table transactions (
    id                   uuid primary key,
    account_id           uuid           not null references accounts (id),
    type                 text           not null,
    amount               numeric(20, 4) not null check (amount > 0),
    currency             char(3)        not null,
    occurred_at          timestamptz    not null,
    counterparty_name    text           not null,
    counterparty_country char(2)        not null,
    channel_country      char(2)        not null,
    channel_device_id    text           not null,
    created_by           text           not null,
    created_at           timestamptz    not null default now()
);
create index idx_transactions_account_id on transactions (account_id, created_at desc);
create index idx_transactions_created_at on transactions (created_at);

-- First answer to each (actor, Idempotency-Key); a retry gets it back instead of a second write.
create table idempotency_keys (
    actor           text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_status int,
    response_body   text,
    created_at      timestamptz not null default now(),
    primary key (actor, idempotency_key)
);

create table audit_logs (
    id            uuid primary key,
    chain_id      text        not null,
    occurred_at   timestamptz not null,
    actor         text        not null,
    role          text,
    action        text        not null,
    resource_type text        not null,
    resource_id   text,
    subject_id    text,
    outcome       text        not null,
    source_ip     text,
    request_id    text,
    details       jsonb
);
create index idx_audit_logs_subject_id on audit_logs (subject_id);
create index idx_audit_logs_timestamp on audit_logs (occurred_at);

-- Written in the same database transaction as the change it announces; the relay publishes it.
create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    message_key  text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index idx_outbox_unpublished on outbox (id) where published_at is null;

-- The streams processor's decisions, projected for GET /api/v1/transactions/{id}.
create table risk_decisions (
    transaction_id uuid primary key,
    decision_id    uuid        not null,
    outcome        text        not null,
    score          int         not null,
    reasons        jsonb       not null,
    decided_at     timestamptz not null,
    received_at    timestamptz not null default now()
);
