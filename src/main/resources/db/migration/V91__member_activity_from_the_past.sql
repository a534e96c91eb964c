-- Status programs (tiers, badges, scores) qualify on member_activity, kept since V48 with every change. A database
-- upgraded from before V48 has history that never went through it: count it once, as the live rules would have, so a
-- member who earned 1,500 points last spring is not a newcomer to the tiers. Skipped when activity is already kept.

-- Points: what entries of the qualifying kinds (and their reversals) moved on members' available points, per UTC month.
insert into member_activity (member_id, month, circuit_id, points)
select e.member_id, date_trunc('month', e.created_at at time zone 'UTC')::date, e.circuit_id, sum(p.amount)
  from journal_entry e
  join posting p on p.entry_id = e.id
  join account a on a.id = p.account_id and a.kind = 'MEMBER_AVAILABLE'
  left join journal_entry r on r.id = e.reverses_id
 where e.member_id is not null
   and coalesce(r.kind, e.kind) in ('EARN', 'PENDING_RELEASE', 'EARN_REVERSAL', 'MANUAL_CREDIT', 'MANUAL_DEBIT',
                                    'ACTION_REGISTRATION', 'ACTION_NEWSLETTER', 'ACTION_REVIEW')
   and not exists (select 1 from member_activity)
 group by 1, 2, 3
having sum(p.amount) <> 0;

-- Spend and purchases: purchases that reached their circuit's award moment and were not cancelled or refunded in
-- full count what was kept, in the month they were recorded; the award rows remember it, so a later refund or
-- cancellation moves only the difference, as it does for new purchases.
with counted as (
    select p.id, p.circuit_id, p.member_id, date_trunc('month', p.created_at at time zone 'UTC')::date as month,
           greatest(p.total - p.refunded, 0) as spent
      from purchase p
      join purchase_award pa on pa.purchase_id = p.id and pa.counted_month is null
      left join program_settings s on s.circuit_id = p.circuit_id
     where p.status not in ('CANCELLED', 'REFUNDED') and p.total > p.refunded
       and (case p.stage when 'COMPLETED' then 3 when 'PAID' then 2 when 'CREATED' then 1 else 0 end)
           >= (case coalesce(s.award_moment, 'PAID') when 'COMPLETED' then 3 when 'PAID' then 2
                                                      when 'CREATED' then 1 else 99 end)
       and not exists (select 1 from member_activity where spent <> 0 or purchases <> 0)
), marked as (
    update purchase_award pa set counted_spent = c.spent, counted_purchases = 1, counted_month = c.month
      from counted c where pa.purchase_id = c.id
    returning c.circuit_id, c.member_id, c.month, c.spent
)
insert into member_activity (member_id, month, circuit_id, spent, purchases)
select member_id, month, circuit_id, sum(spent), count(*) from marked group by 1, 2, 3
on conflict (member_id, month) do update set spent = member_activity.spent + excluded.spent,
                                             purchases = member_activity.purchases + excluded.purchases;

-- Scores and tiers pick the history up at their next nightly round.
