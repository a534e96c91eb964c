-- Money purposes (cashback wallet, accumulated discounts) live in the same journal as points. An account counts in
-- one unit: 'PTS' for points, the circuit's currency code (amounts in its minor unit, cents for EUR) for money.
-- The balance check per statement (V8) already groups each entry's postings by account unit, so an entry must
-- balance in points and in money separately; the unit itself is now constrained to one of those two shapes.
alter table account add constraint account_unit_shape check (unit = 'PTS' or unit ~ '^[A-Z]{3}$');

-- A reservation holds the amount of one purpose: points, or minor units of a wallet.
alter table hold add column purpose text not null default 'POINTS'
    check (purpose in ('POINTS', 'CASHBACK', 'DISCOUNT'));
comment on column hold.points is 'the amount held, in the unit of the hold''s purpose (points, or minor units)';
