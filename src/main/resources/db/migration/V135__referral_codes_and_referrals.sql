-- Referral (issue 12, marketing): each member's code, who referred whom (one referrer per member, never oneself),
-- and every refused attempt with its reason. The award rules and their entries live in programs (V136).
create table referral_code (
    member_id   bigint      primary key references member (id),
    circuit_id  bigint      not null references circuit (id),
    code        text        not null check (code ~ '^[A-Z2-9]{8}$'),
    created_at  timestamptz not null default now()
);
create unique index referral_code_code on referral_code (circuit_id, code);

create table referral (
    friend_member_id    bigint      primary key references member (id),
    circuit_id          bigint      not null references circuit (id),
    referrer_member_id  bigint      not null references member (id),
    channel             text        not null,
    actor               text,
    created_at          timestamptz not null default now(),
    check (friend_member_id <> referrer_member_id)
);
create index referral_referrer on referral (circuit_id, referrer_member_id, created_at);
create index referral_circuit on referral (circuit_id, created_at);

create table referral_refusal (
    id                  bigint generated always as identity primary key,
    circuit_id          bigint      not null references circuit (id),
    friend_member_id    bigint      references member (id),
    referrer_member_id  bigint      references member (id),
    code                text,
    reason              text        not null,
    channel             text        not null,
    actor               text,
    created_at          timestamptz not null default now()
);
create index referral_refusal_circuit on referral_refusal (circuit_id, created_at desc);
