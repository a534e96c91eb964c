-- A member's lifetime points are the sum of their lots, consumed or not; the only index on a lot's account was the
-- one of open lots, so every balance read scanned the whole lot table. This index covers all of an account's lots
-- with their amounts, so the sum reads only the member's own.
create index lot_account on lot (account_id) include (amount);
