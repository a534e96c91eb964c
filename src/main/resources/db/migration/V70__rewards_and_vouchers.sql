-- Rewards: what members may claim with points (plus, optionally, a cash contribution), each with its stock,
-- limits and restrictions. Stock is null when unlimited; claims take it down with a conditional update, never below 0.
create table reward (
    id                  bigint generated always as identity primary key,
    circuit_id          bigint        not null references circuit (id),
    kind                text          not null,
    title_en            text          not null,
    title_it            text          not null,
    description_en      text,
    description_it      text,
    points              bigint        not null check (points > 0),
    cash_amount         numeric(19,4) check (cash_amount > 0),
    currency            char(3)       not null,
    discount_amount     numeric(19,4),
    discount_percent    numeric(5,2),
    discount_cap        numeric(19,4),
    product_id          text,
    valid_from          timestamptz,
    valid_until         timestamptz,
    voucher_days        int           not null check (voucher_days between 1 and 3650),
    stock               bigint        check (stock >= 0),
    limit_count         int           check (limit_count > 0),
    limit_period        text,
    tier_ids            bigint[]      not null default '{}',
    badge_ids           bigint[]      not null default '{}',
    plan_ids            bigint[]      not null default '{}',
    company_ids         bigint[]      not null default '{}',
    store_ids           bigint[]      not null default '{}',
    minimum_cart        numeric(19,4),
    funding_company_id  bigint        references company (id),
    give_back_unused    boolean       not null default false,
    active              boolean       not null default true,
    image               bytea,
    image_type          text,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now()
);
create index reward_circuit on reward (circuit_id, active);

-- Vouchers: what a claim (and later a coupon campaign) issues. The code is unique across circuits, so a code typed
-- in the wrong circuit is recognised as such. request_key makes a claim idempotent per member and source.
create table voucher (
    id               bigint generated always as identity primary key,
    circuit_id       bigint        not null,
    code             text          not null unique,
    source           text          not null,
    reward_id        bigint        references reward (id),
    campaign_id      bigint,
    member_id        bigint,
    request_key      text          not null,
    points           bigint        not null default 0,
    points_key       text,
    cash_amount      numeric(19,4),
    currency         char(3),
    status           text          not null,
    fulfilment       text,
    expires_at       timestamptz   not null,
    order_id         text,
    store_id         bigint,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    unique (circuit_id, source, member_id, request_key)
);
create index voucher_member on voucher (circuit_id, member_id, created_at desc);
create index voucher_reward_member on voucher (reward_id, member_id, created_at);
create index voucher_due on voucher (expires_at) where status = 'ISSUED';
create index voucher_fulfilment on voucher (circuit_id, fulfilment) where fulfilment in ('REQUESTED', 'READY');

-- Every change of a voucher: who, where and when.
create table voucher_event (
    id          bigint generated always as identity primary key,
    voucher_id  bigint      not null references voucher (id),
    circuit_id  bigint      not null,
    change      text        not null,
    actor       text        not null,
    store_id    bigint,
    order_id    text,
    note        text,
    at          timestamptz not null
);
create index voucher_event_voucher on voucher_event (voucher_id, at);
