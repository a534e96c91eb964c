-- (Numbered after the integrations' V20-V23 so that databases already at V23 apply it in order.)
-- Every purchase and journal entry used to check its circuit (and a purchase its company and store) by a foreign key.
-- A foreign key check locks the referenced row (FOR KEY SHARE): all the tills of a circuit lock the same circuit,
-- company and store rows, so concurrent earns turn those locks into multixacts, with a WAL record and a dirtied page
-- for each. The ids come from the authenticated caller and from checked, never deleted tenancy rows, so the checks
-- protect against nothing but deletions; deleting circuits, companies and stores is refused outright instead.
-- The member of a purchase keeps its foreign key (one member per purchase: no shared hot row).
alter table purchase drop constraint purchase_circuit_id_fkey;
alter table purchase drop constraint purchase_company_id_fkey;
alter table purchase drop constraint purchase_store_id_fkey;
alter table journal_entry drop constraint journal_entry_circuit_id_fkey;

create function refuse_delete() returns trigger language plpgsql as $$
begin
    raise exception 'rows of % are never deleted', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger circuit_never_deleted before delete or truncate on circuit
    for each statement execute function refuse_delete();
create trigger company_never_deleted before delete or truncate on company
    for each statement execute function refuse_delete();
create trigger store_never_deleted before delete or truncate on store
    for each statement execute function refuse_delete();
