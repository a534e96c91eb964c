-- The balance of journal entries is checked once per insert statement instead of once per posting at commit: the
-- ledger inserts an entry with all its postings in one statement, so the check sees every posting of the entries it
-- touches, and it costs one query per entry instead of one per posting (it was the ledger's most expensive statement).
-- Postings added later to an existing entry are checked together with the entry's earlier postings, as before.
drop trigger posting_balanced on posting;
drop function check_entry_balanced();

create function check_entries_balanced() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select p.entry_id, a.unit into bad
      from posting p join account a on a.id = p.account_id
     where p.entry_id in (select distinct entry_id from new_postings)
     group by p.entry_id, a.unit
    having sum(p.amount) <> 0
     limit 1;
    if found then
        raise exception 'journal entry % does not balance in %', bad.entry_id, bad.unit
            using errcode = 'check_violation';
    end if;
    return null;
end $$;

create trigger posting_balanced after insert on posting
    referencing new table as new_postings
    for each statement execute function check_entries_balanced();
