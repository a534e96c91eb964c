-- Clearing between a circuit's companies (issue 11, section 4): value one company issued (the lot's issuer) and a
-- member spent at another (the consuming entry's company), derived from lot consumption, never a second bookkeeping.
--
-- An entry that takes value from a member's lots towards a redemption (to a held or redeemed account) or gives it
-- back from one adds rows to clearing_delta in the posting transaction: insert only, so concurrent redemptions never
-- wait on a shared row. A cluster job folds the deltas into one row per circuit, UTC day, issuer, redeemer and
-- purpose (clearing_day); reports read clearing_day plus the deltas not folded yet, in one statement.
-- A null company is the circuit itself (value it issued from its own issuance, rewards it funds).
create table clearing_delta (
    id                  bigint generated always as identity primary key,
    circuit_id          bigint not null,
    day                 date   not null,
    issuer_company_id   bigint,
    redeemer_company_id bigint,
    purpose             text   not null,
    amount              bigint not null check (amount <> 0)
);
create index clearing_delta_circuit on clearing_delta (circuit_id, day);

create table clearing_day (
    circuit_id          bigint not null references circuit (id),
    day                 date   not null,
    issuer_company_id   bigint,
    redeemer_company_id bigint,
    purpose             text   not null,
    amount              bigint not null,
    constraint clearing_day_key unique nulls not distinct
        (circuit_id, day, issuer_company_id, redeemer_company_id, purpose) include (amount)
);

-- What redemptions before this migration consumed, by the same rule (held and redeemed accounts of the purposes
-- that existed then); later entries are recorded as they are posted.
insert into clearing_day (circuit_id, day, issuer_company_id, redeemer_company_id, purpose, amount)
select e.circuit_id, (e.created_at at time zone 'UTC')::date, l.issuer_company_id, e.company_id, u.purpose,
       -sum(m.amount)
  from lot_movement m
  join lot l on l.id = m.lot_id
  join account la on la.id = l.account_id
  join (values ('MEMBER_AVAILABLE', 'POINTS', 'MEMBER_HELD', 'REDEEMED'),
               ('CASHBACK_AVAILABLE', 'CASHBACK', 'CASHBACK_HELD', 'CASHBACK_REDEEMED'),
               ('DISCOUNT_AVAILABLE', 'DISCOUNT', 'DISCOUNT_HELD', 'DISCOUNT_REDEEMED'))
       as u(available, purpose, held, redeemed) on u.available = la.kind
  join journal_entry e on e.id = m.entry_id
 where exists (select from posting p join account a on a.id = p.account_id
                where p.entry_id = e.id and a.kind in (u.held, u.redeemed))
 group by 1, 2, 3, 4, 5
having sum(m.amount) <> 0;

-- A closed period: its numbers frozen with the point value they were priced at.
create table clearing_period (
    id            bigint generated always as identity primary key,
    circuit_id    bigint        not null references circuit (id),
    first_day     date          not null,
    last_day      date          not null,
    currency      char(3)       not null,
    redeem_points bigint        not null check (redeem_points > 0),
    redeem_value  numeric(19,4) not null check (redeem_value > 0),
    closed_at     timestamptz   not null,
    closed_by     text          not null,
    check (last_day >= first_day),
    unique (circuit_id, first_day, last_day)
);

-- The gross flows of a closed period: units (points or minor units) and their value.
create table clearing_line (
    period_id           bigint        not null references clearing_period (id),
    issuer_company_id   bigint,
    redeemer_company_id bigint,
    purpose             text          not null,
    amount              bigint        not null,
    value               numeric(19,4) not null
);
create index clearing_line_period on clearing_line (period_id);

-- What one party owes another for a closed period, netted; marked paid once, with the day and the reference.
create table settlement (
    id                  bigint generated always as identity primary key,
    period_id           bigint        not null references clearing_period (id),
    circuit_id          bigint        not null,
    debtor_company_id   bigint,
    creditor_company_id bigint,
    amount              numeric(19,4) not null check (amount > 0),
    currency            char(3)       not null,
    paid_on             date,
    payment_reference   text check (length(payment_reference) between 1 and 140),
    marked_paid_at      timestamptz,
    marked_paid_by      text,
    check ((paid_on is null) = (payment_reference is null))
);
create index settlement_period on settlement (period_id);

create trigger clearing_period_frozen before update or delete on clearing_period
    for each row execute function refuse_change();
create trigger clearing_line_frozen before update or delete on clearing_line
    for each row execute function refuse_change();

-- Only the payment may be written on a settlement, and only once.
create function settlement_paid_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.paid_on is not null or new.amount <> old.amount
       or new.debtor_company_id is distinct from old.debtor_company_id
       or new.creditor_company_id is distinct from old.creditor_company_id or new.period_id <> old.period_id then
        raise exception 'a settlement changes only once, when it is marked paid' using errcode = 'restrict_violation';
    end if;
    return new;
end $$;
create trigger settlement_paid_once before update or delete on settlement
    for each row execute function settlement_paid_once();
