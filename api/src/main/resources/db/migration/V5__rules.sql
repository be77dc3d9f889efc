-- Screening rule configuration under maker-checker: proposals, and the approved versions that the
-- API publishes to flowlet.rules.v1 (version 1 of every rule is its shipped default).

create table rule_definitions (
    rule        text        not null,
    version     bigint      not null check (version >= 1),
    enabled     boolean     not null,
    score       int         not null,
    severity    text        not null,
    parameters  jsonb       not null,
    change_id   text        not null,
    proposed_by text        not null,
    approved_by text        not null,
    approved_at timestamptz not null,
    primary key (rule, version)
);

create table rule_changes (
    id                uuid primary key,
    rule              text        not null,
    base_version      bigint      not null,
    enabled           boolean     not null,
    score             int         not null,
    severity          text        not null,
    parameters        jsonb       not null,
    reason            text        not null,
    status            text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    proposed_by       text        not null,
    proposed_at       timestamptz not null,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    resulting_version bigint,
    -- Maker-checker, enforced by the database as well as the API.
    constraint rule_changes_four_eyes check (decided_by is null or decided_by <> proposed_by)
);
create index idx_rule_changes_status on rule_changes (status, proposed_at);

-- Every decision names the rule versions it was made with.
alter table risk_decisions add column rule_versions jsonb;
