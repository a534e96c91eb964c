-- Exclusive paid membership (issue 9, seeds 000/001): the plans a circuit sells, each member's membership in one,
-- and every sale of one (money, not points: kept for the reports, never posted to the journal).
create table membership_plan (
    id               bigint generated always as identity primary key,
    circuit_id       bigint        not null references circuit (id),
    name_en          text          not null,
    name_it          text,
    benefits_en      text,
    benefits_it      text,
    price            numeric(19,4) not null check (price >= 0),
    currency         char(3)       not null,
    period           text          not null check (period in ('MONTHLY', 'YEARLY', 'FIXED_MONTHS')),
    months           int           check (months between 1 and 120),
    multiplier       numeric(9,4)  not null default 1 check (multiplier >= 1),
    welcome_points   bigint        not null default 0 check (welcome_points >= 0),
    members_only     boolean       not null default false,
    counter_discount numeric(5,2)  not null default 0 check (counter_discount >= 0 and counter_discount < 100),
    -- product ids or SKUs whose purchase in a connected shop grants the plan, as the purchase lines carry them
    product_ids      text[]        not null default '{}',
    archived         boolean       not null default false,
    created_at       timestamptz   not null default now(),
    check ((period = 'FIXED_MONTHS') = (months is not null))
);
create index membership_plan_circuit on membership_plan (circuit_id, archived);

-- A member's membership in a plan: renewals extend it; it ends by expiry (ENDED) or by cancellation or refund
-- (CANCELLED). At most one is active per member.
create table membership (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null,
    member_id     bigint      not null references member (id),
    plan_id       bigint      not null references membership_plan (id),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    status        text        not null check (status in ('ACTIVE', 'ENDED', 'CANCELLED')),
    ended_at      timestamptz,
    end_reason    text,
    -- the end date whose renewal reminder was published (once per end date)
    reminded_for  timestamptz,
    created_at    timestamptz not null default now()
);
create unique index membership_one_active on membership (member_id) where status = 'ACTIVE';
create index membership_member on membership (circuit_id, member_id, id desc);
create index membership_due on membership (ends_at) where status = 'ACTIVE';

-- Every sale of a membership (a start or a renewal), unique by its grant key so a retried grant writes nothing.
create table membership_sale (
    id               bigint generated always as identity primary key,
    circuit_id       bigint        not null,
    grant_key        text          not null,
    membership_id    bigint        not null references membership (id),
    member_id        bigint        not null,
    plan_id          bigint        not null references membership_plan (id),
    kind             text          not null check (kind in ('STARTED', 'RENEWED')),
    source           text          not null check (source in ('COUNTER', 'SHOP', 'API')),
    amount           numeric(19,4) not null check (amount >= 0),
    currency         char(3)       not null,
    company_id       bigint,
    store_id         bigint,
    payment_method   text          not null check (payment_method in ('CASH', 'CARD', 'TRANSFER', 'ONLINE', 'OTHER')),
    receipt_number   text,
    order_reference  text,
    purchase_id      bigint,
    period_from      timestamptz   not null,
    period_to        timestamptz   not null,
    refunded_at      timestamptz,
    actor            text,
    sold_at          timestamptz   not null,
    unique (circuit_id, grant_key)
);
create index membership_sale_circuit on membership_sale (circuit_id, sold_at desc);
create index membership_sale_purchase on membership_sale (purchase_id) where purchase_id is not null;
