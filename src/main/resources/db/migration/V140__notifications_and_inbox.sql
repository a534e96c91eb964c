-- Transactional notifications and the customer's inbox (issue 13, sections 1 and 4).

-- A circuit's look in its e-mails and the key its unsubscribe links are signed with.
create table notification_circuit (
    circuit_id  bigint primary key references circuit (id),
    colour      text   not null default '#1d4ed8' check (colour ~ '^#[0-9a-fA-F]{6}$'),
    signing_key text   not null default md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text)
);

-- Which notifications a circuit sends; a kind without a row is off. threshold: the balance THRESHOLD_REACHED
-- announces; days: how long before their expiry POINTS_EXPIRING warns.
create table notification_setting (
    circuit_id bigint  not null references circuit (id),
    kind       text    not null check (kind ~ '^[A-Z_]{3,40}$'),
    enabled    boolean not null,
    threshold  bigint  check (threshold between 1 and 1000000000),
    days       int     check (days between 1 and 365),
    primary key (circuit_id, kind)
);

-- A circuit's own wording of a notification, per language and channel; without one the shipped default is used.
create table notification_template (
    circuit_id bigint      not null references circuit (id),
    kind       text        not null check (kind ~ '^[A-Z_]{3,40}$'),
    language   text        not null check (language in ('it', 'en')),
    channel    text        not null check (channel in ('EMAIL', 'SMS')),
    subject    text        not null check (length(subject) between 1 and 200),
    body       text        not null check (length(body) between 1 and 10000),
    updated_at timestamptz not null default now(),
    primary key (circuit_id, kind, language, channel)
);

-- What a member was sent, as their inbox shows it: written in the transaction of the fact it tells about, once per
-- business key (a replayed fact or a second run of a job adds nothing).
create table member_message (
    id           bigint generated always as identity primary key,
    circuit_id   bigint      not null references circuit (id),
    member_id    bigint      not null references member (id),
    kind         text        not null check (kind ~ '^[A-Z_]{3,40}$'),
    business_key text        not null check (length(business_key) between 1 and 200),
    subject      text        not null,
    body         text        not null,
    emailed      boolean     not null,
    created_at   timestamptz not null default now(),
    read_at      timestamptz,
    unique (circuit_id, business_key)
);
create index member_message_inbox on member_message (circuit_id, member_id, id desc);
create index member_message_unread on member_message (circuit_id, member_id) where read_at is null;

-- Rich e-mails through the same outbox: an HTML part beside the text, and the one-click unsubscribe (RFC 8058).
alter table mail_outbox add column html_body text;
alter table mail_outbox add column list_unsubscribe text;
