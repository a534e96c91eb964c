-- Counters behind the limits on failed sign-ins and on sign-ups (per address, per account, per account and address).
-- The subject is a SHA-256 of what is counted (never an e-mail in clear); a counter starts again after its window.
create table attempt_counter (
    subject      text        primary key,
    attempts     int         not null,
    started_at   timestamptz not null
);
create index attempt_counter_started on attempt_counter (started_at);

-- E-mails to send, written in the transaction of the change that asks for them and sent by a job (retried on failure).
create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null default now(),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;

-- The address the first-run set-up was made at: links in e-mails use it when no public URL is configured.
create table known_host (
    origin       text        primary key,
    reason       text        not null,
    created_at   timestamptz not null default now()
);
