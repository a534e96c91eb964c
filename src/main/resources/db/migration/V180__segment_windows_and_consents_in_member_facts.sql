-- Segments read one member_facts row per member (issue 12 §1, the 2 s target): the member's monthly activity as
-- running totals and the consents in force, kept in the transaction of each change, so that a segment over a million
-- members no longer sums member_activity per member or looks for the latest consent of each kind.
--
-- activity_to is the latest month with activity, as year * 12 + month - 1; purchases_back[i], spent_back[i] and
-- points_back[i] hold the totals of the months from activity_to - (i - 1) on (cumulative, newest first, one element
-- per month down to the member's first month with activity). The total of the months from month w on is then
-- element activity_to - w + 1 (0 when w is after activity_to, the last element when w is before the first month).
-- member_activity stays the source: these columns are recomputed from it for the member whose activity moved.
-- consents_given lists the kinds whose latest consent row (the append-only consent table) is a grant.
alter table member_facts
    add column activity_to     int,
    add column purchases_back  bigint[],
    add column spent_back      numeric[],
    add column points_back     bigint[],
    add column consents_given  text[] not null default '{}';

-- The running totals of the given members, from member_activity (a member without activity has no row). The
-- application calls it for the member whose activity moved, in the same transaction; here for everyone.
create function member_activity_windows(members bigint[])
returns table (member_id bigint, activity_to int, purchases_back bigint[], spent_back numeric[], points_back bigint[])
language sql stable as $$
select c.member_id, max(c.mi), array_agg(c.p order by c.mi desc), array_agg(c.s order by c.mi desc),
       array_agg(c.pts order by c.mi desc)
  from (select g.member_id, g.mi,
               sum(coalesce(a.purchases, 0)) over w as p, sum(coalesce(a.spent, 0)) over w as s,
               sum(coalesce(a.points, 0)) over w as pts
          from (select b.member_id, generate_series(b.lo, b.hi) as mi
                  from (select x.member_id,
                               min(extract(year from x.month)::int * 12 + extract(month from x.month)::int - 1) as lo,
                               max(extract(year from x.month)::int * 12 + extract(month from x.month)::int - 1) as hi
                          from member_activity x where x.member_id = any (members) group by x.member_id) b) g
          left join member_activity a on a.member_id = g.member_id
           and a.month = make_date(g.mi / 12, g.mi % 12 + 1, 1)
        window w as (partition by g.member_id order by g.mi desc)) c
 group by c.member_id
$$;

update member_facts f
   set activity_to = w.activity_to, purchases_back = w.purchases_back, spent_back = w.spent_back,
       points_back = w.points_back
  from member_activity_windows(array(select distinct member_id from member_activity)) w
 where w.member_id = f.member_id;

update member_facts f
   set consents_given = c.kinds
  from (select member_id, array_agg(kind order by kind) as kinds
          from (select distinct on (member_id, kind) member_id, kind, granted
                  from consent order by member_id, kind, id desc) latest
         where granted group by member_id) c
 where c.member_id = f.member_id;

-- segments read the new columns through their view (V120), columns added at its end
create or replace view segment_member_facts as
select member_id, circuit_id, enrolled_at, last_purchase_at, activity_to, purchases_back, spent_back, points_back,
       consents_given
  from member_facts;

-- segments no longer read these (their figures come from the facts row)
drop view segment_consent;
drop view segment_member_activity;
