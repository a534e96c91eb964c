-- A monthly rollup beside the daily one (issue 11, speed): one row per circuit, month (its first day), issuer,
-- redeemer and purpose, maintained the same way as clearing_day (the fold job adds the same deltas to both in one
-- statement), so a report over whole months reads twelve rows a pair and purpose a year instead of 365.
create table clearing_month (
    circuit_id          bigint not null references circuit (id),
    month               date   not null check (extract(day from month) = 1),
    issuer_company_id   bigint,
    redeemer_company_id bigint,
    purpose             text   not null,
    amount              bigint not null,
    constraint clearing_month_key unique nulls not distinct
        (circuit_id, month, issuer_company_id, redeemer_company_id, purpose) include (amount)
);

-- What the daily rows hold so far (the fold job keeps both from now on).
insert into clearing_month (circuit_id, month, issuer_company_id, redeemer_company_id, purpose, amount)
select circuit_id, date_trunc('month', day)::date, issuer_company_id, redeemer_company_id, purpose, sum(amount)
  from clearing_day
 group by 1, 2, 3, 4, 5;
