-- Discount codes LoyaltyHub created in a shop for points held by a redemption. The code is derived from the hold,
-- so one hold can never yield two codes; PENDING is the moment between holding the points and the shop's answer.
create table shop_code (
    id              bigint generated always as identity primary key,
    circuit_id      bigint         not null,
    connection_id   bigint         not null references shop_connection (id) on delete cascade,
    member_id       bigint         not null references member (id),
    redemption_id   bigint         not null references redemption (id),
    hold_id         bigint         not null,
    code            text           not null,
    amount          numeric(19, 4) not null check (amount > 0),
    currency        char(3)        not null,
    points          bigint         not null check (points > 0),
    shop_customer   text,
    shop_id         text,
    status          text           not null default 'PENDING'
                    check (status in ('PENDING', 'CREATED', 'USED', 'EXPIRED', 'FAILED')),
    order_id        text,
    -- the points went back to the member (the order that used it was cancelled): the code must go from the shop
    points_released boolean        not null default false,
    last_error      text,
    expires_at      timestamptz    not null,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    unique (connection_id, hold_id),
    unique (connection_id, code)
);
create index shop_code_due on shop_code (expires_at) where status in ('PENDING', 'CREATED');
create index shop_code_released on shop_code (connection_id) where points_released and status = 'CREATED';
create index shop_code_member on shop_code (connection_id, member_id, status);
