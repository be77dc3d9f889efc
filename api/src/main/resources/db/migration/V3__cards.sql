-- Cardholder data (PCI DSS 3.5): a card number is stored only envelope-encrypted. One row per
-- distinct card, recognised by a keyed fingerprint; transactions point to their card.

create table cards (
    id               uuid primary key,
    -- HMAC-SHA256 of the number under flowlet.api.cards.fingerprint-key, hex: finds a known card
    -- without decrypting anything, and is useless without that key.
    fingerprint      text        not null unique,
    -- What PCI DSS allows to be shown: the first six and last four digits, and the length.
    bin              char(6)     not null,
    last4            char(4)     not null,
    pan_length       smallint    not null check (pan_length between 12 and 19),
    -- The key-encryption key that wrapped this row's data key (flowlet.api.cards.keys).
    key_id           text        not null,
    -- AES-256-GCM, each: version (1) | IV (12) | ciphertext | tag (16). The data key is wrapped
    -- under key_id; the number is encrypted under the data key; both bound to this row's id.
    wrapped_data_key bytea       not null,
    encrypted_pan    bytea       not null,
    created_at       timestamptz not null default now(),
    rotated_at       timestamptz
);
-- Key rotation looks for rows under old keys; start-up checks every key id in use is configured.
create index idx_cards_key_id on cards (key_id);

alter table transactions add column card_id uuid references cards (id);
create index idx_transactions_card_id on transactions (card_id) where card_id is not null;
