-- The balance check of an insert statement's postings looks at each entry it touches through the posting_entry index,
-- one entry at a time. Written as "entry_id in (select distinct entry_id from new_postings)" the planner, which knows
-- nothing of the transition table, could join it to the whole posting and account tables (a scan that grows with the
-- books): an import posting 500 opening balances in one statement spent 77 ms on it. Same rule as V8: every posting
-- of each touched entry, earlier statements' included, balances per unit.
create or replace function check_entries_balanced() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select e.entry_id, s.unit into bad
      from (select distinct entry_id from new_postings) e
      cross join lateral (select a.unit from posting p join account a on a.id = p.account_id
                           where p.entry_id = e.entry_id
                           group by a.unit having sum(p.amount) <> 0 limit 1) s
     limit 1;
    if found then
        raise exception 'journal entry % does not balance in %', bad.entry_id, bad.unit
            using errcode = 'check_violation';
    end if;
    return null;
end $$;
