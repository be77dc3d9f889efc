-- Sessions (refresh-token families), revoked access tokens and login lockout for staff users.

-- Set when a user is locked out after too many failed logins; null or past means not locked.
alter table staff_users add column locked_until timestamptz;

-- Recent failed logins of existing users, for the sliding lockout window. Rows older than the
-- window are deleted on the next failure and when the user logs in or is unlocked.
create table staff_login_failures (
    username  text        not null references staff_users (username) on delete cascade,
    failed_at timestamptz not null
);
create index idx_staff_login_failures_username on staff_login_failures (username, failed_at);

-- One family per login: every refresh token rotated from that login belongs to it. The family's
-- id is the access tokens' "sid" claim, so revoking it ends the whole session.
create table refresh_families (
    id             uuid primary key,
    username       text        not null references staff_users (username) on delete cascade,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);
create index idx_refresh_families_username on refresh_families (username) where revoked_at is null;
create index idx_refresh_families_revoked_at on refresh_families (revoked_at) where revoked_at is not null;

-- Refresh tokens are stored only as SHA-256 hashes (they are 256-bit random values, so a fast hash
-- is enough). A token is used once: rotating it sets used_at; presenting it again revokes the family.
create table refresh_tokens (
    token_hash bytea primary key,
    family_id  uuid        not null references refresh_families (id) on delete cascade,
    issued_at  timestamptz not null,
    used_at    timestamptz
);
create index idx_refresh_tokens_family_id on refresh_tokens (family_id);

-- Access tokens revoked before they expire (logout): their "jti" and expiry, purged once expired.
create table revoked_access_tokens (
    jti        text primary key,
    expires_at timestamptz not null
);
create index idx_revoked_access_tokens_expires_at on revoked_access_tokens (expires_at);
