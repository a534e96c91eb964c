-- Daily rollup of what members hold (issue 14's liability as of a date, read by every dashboard twice): per day the
-- change of members' available points per issuer of their lots, and of pending and held points per company of the
-- entry. Folded by the points rollup job in the same batch and under the same watermark; the report adds the
-- journal's tail past the watermark, so a liability read no longer scans every lot movement of the circuit.
create table analytics_liability_day (
    circuit_id  bigint not null,
    day         date   not null,
    part        text   not null check (part in ('AVAILABLE', 'PENDING', 'HELD')),
    company_id  bigint not null default 0,  -- AVAILABLE: the lot's issuer; PENDING, HELD: the entry's company; 0: none
    amount      bigint not null,
    primary key (circuit_id, day, part, company_id)
);

-- what the points rollup has folded already
insert into analytics_liability_day (circuit_id, day, part, company_id, amount)
select l.circuit_id, (e.created_at at time zone 'UTC')::date, 'AVAILABLE', coalesce(l.issuer_company_id, 0),
       sum(m.amount)
from lot_movement m join lot l on l.id = m.lot_id join account a on a.id = l.account_id
     join journal_entry e on e.id = m.entry_id
where a.kind = 'MEMBER_AVAILABLE' and e.id <= (select entry_id from analytics_watermark where job = 'points-day')
group by 1, 2, 4;

insert into analytics_liability_day (circuit_id, day, part, company_id, amount)
select a.circuit_id, (e.created_at at time zone 'UTC')::date,
       case a.kind when 'MEMBER_PENDING' then 'PENDING' else 'HELD' end, coalesce(e.company_id, 0), sum(p.amount)
from posting p join account a on a.id = p.account_id join journal_entry e on e.id = p.entry_id
where a.kind in ('MEMBER_PENDING', 'MEMBER_HELD')
  and e.id <= (select entry_id from analytics_watermark where job = 'points-day')
group by 1, 2, 3, 4;
