-- Vouchers (rewards' or coupon campaigns') made into a connected shop's own single-use code: the shop's code is the
-- voucher's code, so an order that used it names the voucher. PENDING is the moment between this row and the
-- shop's answer; USED once an order of the shop used it (the voucher is then redeemed for that order).
create table shop_voucher_code (
    id              bigint generated always as identity primary key,
    circuit_id      bigint      not null,
    connection_id   bigint      not null references shop_connection (id) on delete cascade,
    voucher_id      bigint      not null references voucher (id),
    member_id       bigint      not null references member (id),
    code            text        not null,
    shop_id         text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'CREATED', 'USED')),
    order_id        text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (connection_id, voucher_id),
    unique (connection_id, code)
);
