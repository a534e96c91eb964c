-- Money programs per product and per store (issue 11 §1, "per store, per product rule as for points"). A product's own
-- percentage, circuit-wide like the points' product rules, wins over every other rate for that product's lines; a
-- store's own percentage replaces the selling company's (or the circuit's) rate for the rest of a sale at that store.
create table money_product_rule (
    circuit_id  bigint        not null references circuit (id),
    purpose     text          not null check (purpose in ('CASHBACK', 'DISCOUNT')),
    product_id  text          not null check (length(product_id) between 1 and 120),
    percent     numeric(7, 4) not null check (percent >= 0 and percent <= 100),
    updated_at  timestamptz   not null default now(),
    primary key (circuit_id, purpose, product_id)
);

create table money_store_rate (
    circuit_id  bigint        not null references circuit (id),
    store_id    bigint        not null references store (id),
    purpose     text          not null check (purpose in ('CASHBACK', 'DISCOUNT')),
    percent     numeric(7, 4) not null check (percent >= 0 and percent <= 100),
    updated_at  timestamptz   not null default now(),
    primary key (store_id, purpose)
);
create index money_store_rate_circuit on money_store_rate (circuit_id, purpose);

-- The rule a purchase's award was fixed by ("8 % (store's rate); product WINE 10 %; Gold ×1.5"), shown with the
-- purchase; label stays the movement's reason. Awards recorded before have none (their label says it).
alter table purchase_money_award add column rule text;
