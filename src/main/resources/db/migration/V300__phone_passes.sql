-- The card in the phone's wallet (issue 17 §3): what a circuit uploads to sign Apple passes and Google Wallet links
-- (secrets encrypted by the application), one pass per member (its serial and the token Apple devices present),
-- the devices registered for updates, and the pushes still to send (an outbox: a push lost on restart is re-sent).
create table pass_settings (
    circuit_id            bigint primary key references circuit (id),
    background_colour     varchar(7) not null default '#1f4e79',
    foreground_colour     varchar(7) not null default '#ffffff',
    apple_pass_type_id    varchar(200),
    apple_team_id         varchar(20),
    apple_certificate     bytea,        -- PKCS#12 (certificate + key) as uploaded, encrypted
    apple_password        bytea,        -- its password, encrypted
    apple_wwdr            bytea,        -- Apple's WWDR intermediate certificate (DER), public
    apple_expires_at      timestamptz,
    google_issuer_id      varchar(40),
    google_client_email   varchar(320),
    google_key            bytea,        -- the service account's JSON key, encrypted
    updated_at            timestamptz not null
);

create table member_pass (
    circuit_id      bigint not null references circuit (id),
    member_id       bigint not null references member (id),
    serial          varchar(40) not null unique,
    auth_token      varchar(64) not null,
    updated_at      timestamptz not null,
    primary key (circuit_id, member_id)
);

create table pass_device_registration (
    circuit_id      bigint not null references circuit (id),
    serial          varchar(40) not null references member_pass (serial) on delete cascade,
    device_id       varchar(100) not null,
    push_token      varchar(200) not null,
    registered_at   timestamptz not null,
    primary key (serial, device_id)
);
create index pass_device_registration_device on pass_device_registration (device_id);

create table pass_push (
    circuit_id      bigint not null references circuit (id),
    member_id       bigint not null references member (id),
    channel         varchar(10) not null check (channel in ('APPLE', 'GOOGLE')),
    due_at          timestamptz not null,
    attempts        int not null default 0,
    last_error      varchar(300),
    primary key (circuit_id, member_id, channel)
);
create index pass_push_due on pass_push (due_at);
