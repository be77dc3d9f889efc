-- Signed checkpoints of the audit hash chains, from flowlet.audit-checkpoints.v1. A checkpoint is
-- immutable: a redelivered one is the same row (insert ... on conflict do nothing).
create table audit_checkpoints (
    chain_id    text        not null,
    sequence    bigint      not null check (sequence > 0),
    head_hash   text        not null,
    created_at  timestamptz not null,
    key_id      text        not null,
    signature   text        not null,
    received_at timestamptz not null default now(),
    primary key (chain_id, sequence, key_id, created_at)
);
