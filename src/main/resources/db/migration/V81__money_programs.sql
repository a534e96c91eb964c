-- Money programs (issue 11): the cashback wallet and accumulated discounts. A circuit's rule (company_id null) and
-- optional company overrides; a purchase earns by its company's rule if it has one, else by the circuit's.
create table money_program (
    id                 bigint generated always as identity primary key,
    circuit_id         bigint       not null references circuit (id),
    company_id         bigint       references company (id),
    purpose            text         not null check (purpose in ('CASHBACK', 'DISCOUNT')),
    enabled            boolean      not null,
    percent            numeric(7, 4) not null check (percent >= 0 and percent <= 100),
    expiry_months      int          check (expiry_months between 1 and 600),
    min_order          numeric(19, 4) not null default 0 check (min_order >= 0),
    max_share_percent  numeric(7, 4) not null default 100 check (max_share_percent > 0 and max_share_percent <= 100),
    updated_at         timestamptz  not null default now(),
    unique nulls not distinct (circuit_id, company_id, purpose)
);

-- What a purchase earned of each money purpose, kept in step with its facts like purchase_award for points.
create table purchase_money_award (
    purchase_id        bigint  not null references purchase (id),
    purpose            text    not null,
    circuit_id         bigint  not null,
    base               bigint  not null,   -- minor units the full amount is worth, fixed when first recorded
    label              text,               -- the rule and multipliers, shown in the movement's reason
    pending            bigint  not null default 0,
    available          bigint  not null default 0,
    steps              int     not null default 0,
    lot_entry_id       bigint,
    primary key (purchase_id, purpose)
);

-- A wallet payment: an amount of a money purpose held for an order, then captured, released or given back.
create table wallet_payment (
    id            bigint generated always as identity primary key,
    circuit_id    bigint         not null references circuit (id),
    member_id     bigint         not null references member (id),
    purpose       text           not null check (purpose in ('CASHBACK', 'DISCOUNT')),
    company_id    bigint         not null references company (id),
    store_id      bigint         references store (id),
    hold_id       bigint         not null references hold (id),
    amount        numeric(19, 4) not null check (amount > 0),
    currency      char(3)        not null,
    status        text           not null check (status in ('HELD', 'CAPTURED', 'RELEASED', 'EXPIRED', 'REFUNDED')),
    order_id      text,
    expires_at    timestamptz    not null,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now()
);
create index wallet_payment_member on wallet_payment (member_id, id desc);
create unique index wallet_payment_hold on wallet_payment (hold_id);
