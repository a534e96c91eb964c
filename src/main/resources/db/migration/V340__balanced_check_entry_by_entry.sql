-- The balance check of an insert statement's postings reads each entry it touches through the posting_entry index and
-- each posting's account by its key. Written as a join of the transition table with posting and account, the planner,
-- told the transition table holds many rows, chose hash joins that scan the whole posting or account table: an import
-- posting 500 opening balances in one statement spent 77 to 220 ms (growing with the books) on the check. A lateral
-- subquery with a limit and a scalar subquery are never turned into such joins. Same rule as V8: every posting of
-- each touched entry, earlier statements' included, balances per unit.
create or replace function check_entries_balanced() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select e.entry_id, s.unit into bad
      from (select distinct entry_id from new_postings) e
      cross join lateral (
          select u.unit
            from (select (select a.unit from account a where a.id = p.account_id) as unit, p.amount
                    from posting p where p.entry_id = e.entry_id) u
           group by u.unit having sum(u.amount) <> 0 limit 1) s
     limit 1;
    if found then
        raise exception 'journal entry % does not balance in %', bad.entry_id, bad.unit
            using errcode = 'check_violation';
    end if;
    return null;
end $$;
