-- Alert case management: every alert the rules raise becomes a case a compliance officer works,
-- with its full history. Closing a HIGH or CRITICAL alert needs a second person.

create table alerts (
    alert_id             text primary key,
    transaction_id       uuid        not null,
    account_id           uuid        not null,
    customer_id          uuid        not null,
    rule                 text        not null,
    severity             text        not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    detail               text        not null,
    raised_at            timestamptz not null,
    status               text        not null default 'OPEN'
        check (status in ('OPEN', 'ASSIGNED', 'INVESTIGATING', 'CLOSE_REQUESTED', 'CLOSED')),
    assignee             text,
    closed_as            text check (closed_as in ('TRUE_POSITIVE', 'FALSE_POSITIVE')),
    close_requested_by   text,
    closed_by            text,
    updated_at           timestamptz not null default now(),
    received_at          timestamptz not null default now(),
    constraint alerts_four_eyes check (closed_by is null or close_requested_by is null
        or closed_by <> close_requested_by)
);
create index idx_alerts_open on alerts (severity, raised_at) where status <> 'CLOSED';
create index idx_alerts_customer_id on alerts (customer_id);

create table alert_events (
    id          bigserial primary key,
    alert_id    text        not null references alerts (alert_id),
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    note        text
);
create index idx_alert_events_alert_id on alert_events (alert_id, id);
