-- Member indicators (programs): the score (points earned in the last 12 months) and the 0-100 loyalty score, with
-- the figures they come from. A row per member, written at enrolment; the last purchase moves with each purchase
-- recorded; the scores are refreshed by the nightly job, which marks each row with the day it computed it for.
create table member_facts (
    member_id         bigint      primary key,
    circuit_id        bigint      not null,
    enrolled_at       timestamptz not null,
    last_purchase_at  timestamptz,
    score             bigint      not null default 0 check (score >= 0),
    loyalty_score     int         not null default 0 check (loyalty_score between 0 and 100),
    recency_days      int,
    purchases_12m     int         not null default 0,
    tenure_months     int         not null default 0,
    computed_on       date
);
create index member_facts_circuit on member_facts (circuit_id, member_id);

-- members enrolled before this table: their enrolment and their last purchase that was not cancelled
insert into member_facts (member_id, circuit_id, enrolled_at, last_purchase_at)
select m.id, m.circuit_id, m.created_at,
       (select max(p.created_at) from purchase p where p.member_id = m.id and p.status <> 'CANCELLED')
  from member m;
