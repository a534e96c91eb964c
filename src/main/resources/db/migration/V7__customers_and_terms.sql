-- Program rules are accepted like the privacy notice: a consent of kind TERMS, with the version accepted.
alter table consent drop constraint consent_kind_check;
alter table consent add constraint consent_kind_check
    check (kind in ('PRIVACY', 'MARKETING', 'NEWSLETTER', 'TERMS'));

-- Versioned legal texts per circuit: a new version is a new row; the latest is in force.
create table legal_text (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null references circuit (id),
    kind          text        not null check (kind in ('PRIVACY', 'TERMS')),
    version       int         not null check (version > 0),
    body          text        not null,
    published_by  text        not null,
    published_at  timestamptz not null default now(),
    unique (circuit_id, kind, version)
);

-- Customers' own sign-in to the customer area: one account per member, usable once the e-mail is confirmed.
create table customer_account (
    member_id        bigint primary key references member (id),
    circuit_id       bigint      not null references circuit (id),
    password_hash    text,
    verified_at      timestamptz,
    failed_sign_ins  int         not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now()
);

-- One-time links e-mailed to customers: confirm the sign-up, sign in without a password. Only the SHA-256 is kept.
create table customer_token (
    token_hash  text primary key,
    circuit_id  bigint      not null,
    member_id   bigint      not null references member (id),
    purpose     text        not null check (purpose in ('VERIFY', 'SIGN_IN')),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index customer_token_member on customer_token (member_id, created_at);

-- The newsletter choice made when signing up with an address a member already has: applied once it is confirmed.
create table customer_pending_consent (
    member_id   bigint primary key references member (id),
    newsletter  boolean not null
);
