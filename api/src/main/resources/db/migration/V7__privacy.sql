-- GDPR: consent history, data subject requests, per-subject keys for crypto-shredding and the
-- erasure ledger. Shared by the API (which records requests) and batch-jobs (which runs them).

-- Every grant and withdrawal is a row; the current state of a purpose is its latest row.
create table consents (
    id          uuid primary key,
    customer_id uuid        not null references customers (id),
    purpose     text        not null,
    granted     boolean     not null,
    source      text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index idx_consents_customer_purpose on consents (customer_id, purpose, recorded_at desc);

create table data_subject_requests (
    id               uuid primary key,
    subject_id       uuid        not null references customers (id),
    type             text        not null check (type in ('EXPORT', 'ERASURE')),
    status           text        not null check (status in ('RECEIVED', 'AWAITING_APPROVAL',
                                     'RUNNING', 'COMPLETED', 'REJECTED', 'FAILED')),
    requested_by     text        not null,
    received_at      timestamptz not null,
    due_at           timestamptz not null,
    approved_by      text,
    approved_at      timestamptz,
    rejected_by      text,
    rejected_at      timestamptz,
    rejection_reason text,
    handled_by       text,
    started_at       timestamptz,
    completed_at     timestamptz,
    job_execution_id bigint,
    progress         jsonb,
    failure          text,
    archive_path     text,
    archive_sha256   text,
    archive_bytes    bigint,
    downloaded_by    text,
    downloaded_at    timestamptz,
    certificate      jsonb,
    updated_at       timestamptz not null
);
create index idx_data_subject_requests_subject on data_subject_requests (subject_id);
create index idx_data_subject_requests_pending on data_subject_requests (received_at)
    where status in ('RECEIVED', 'RUNNING');

-- One data key per subject, wrapped by a key-encryption key; erasure deletes the row.
create table subject_keys (
    subject_id  uuid primary key,
    kek_id      text        not null,
    wrapped_key bytea       not null,
    created_at  timestamptz not null
);

-- Mirror of the erasure ledger (the ledger of record lives outside this database, so that a
-- restore of an older backup cannot forget an erasure).
create table erasure_ledger (
    subject_id  uuid primary key,
    request_id  uuid        not null,
    approved_by text        not null,
    erased_at   timestamptz not null
);
