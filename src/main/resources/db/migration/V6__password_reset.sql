-- "Forgot password": one-time links sent by e-mail to operators. Only the token's SHA-256 is kept.
create table password_reset (
    token_hash   text primary key,
    operator_id  bigint      not null references operator (id),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    created_at   timestamptz not null default now()
);
create index password_reset_operator on password_reset (operator_id, created_at);
