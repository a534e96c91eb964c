-- Daily rollups of the points report (issue 14): what each day moved on members' balances, per company, store,
-- report kind and purpose (points or a money unit). Built from the journal by a cluster-safe job up to a watermark; the report adds the
-- journal's tail past the watermark, so nothing posted is ever missing from a summary.
create table analytics_points_day (
    circuit_id  bigint not null,
    day         date   not null,
    company_id  bigint not null default 0,  -- 0: no company on the entry
    store_id    bigint not null default 0,  -- 0: no store on the entry
    kind        text   not null,
    purpose     text   not null,  -- ledger Purpose: POINTS, CASHBACK, DISCOUNT
    credits     bigint not null default 0,
    debits      bigint not null default 0,  -- as a positive number
    operations  bigint not null default 0,
    primary key (circuit_id, day, company_id, store_id, kind, purpose)
);

-- The last journal entry folded into the rollups, per job (one row, advanced in the same transaction as the rollup).
create table analytics_watermark (
    job       text   primary key,
    entry_id  bigint not null
);
insert into analytics_watermark (job, entry_id) values ('points-day', 0);

-- The report's row queries and the tail read the journal by circuit and time.
create index journal_entry_circuit_time on journal_entry (circuit_id, created_at, id);
