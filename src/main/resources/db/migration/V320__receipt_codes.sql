-- Purchases the customer validates (issue 18 §2): each store signs the receipt codes its till prints with a key of
-- its own (also signing its check-in codes); a member claims a code once (unique per store, receipt number and time), within the circuit's limits.
create table store_key (
    circuit_id  bigint      not null,
    store_id    bigint      not null,
    secret      bytea       not null check (length(secret) = 32),
    created_at  timestamptz not null default now(),
    primary key (circuit_id, store_id),
    foreign key (circuit_id, store_id) references store (circuit_id, id)
);

create table receipt_settings (
    circuit_id    bigint        primary key references circuit (id),
    enabled       boolean       not null default false,
    max_age_days  integer       not null default 7 check (max_age_days between 1 and 90),
    daily_limit   numeric(19, 4) not null default 500 check (daily_limit > 0),
    review_above  numeric(19, 4) check (review_above is null or review_above > 0),
    updated_at    timestamptz   not null default now()
);

create table receipt_claim (
    id              bigint generated always as identity primary key,
    circuit_id      bigint         not null references circuit (id),
    member_id       bigint         not null references member (id),
    store_id        bigint         not null,
    receipt_number  bigint         not null check (receipt_number >= 0),
    issued_at       timestamptz    not null,
    amount          numeric(19, 4) not null check (amount > 0),
    currency        char(3)        not null,
    status          text           not null check (status in ('RECORDED', 'PENDING', 'REFUSED')),
    refusal_reason  text           check (length(refusal_reason) <= 300),
    purchase_id     bigint,
    claimed_at      timestamptz    not null,
    reviewed_at     timestamptz,
    reviewed_by     text,
    foreign key (circuit_id, store_id) references store (circuit_id, id),
    unique (circuit_id, store_id, receipt_number, issued_at)
);
create index receipt_claim_member on receipt_claim (circuit_id, member_id, claimed_at);
create index receipt_claim_pending on receipt_claim (circuit_id, status) where status = 'PENDING';
