-- owner: privacy. Who did what (Art. 30, 32): every change made through the back office or the API, and every read
-- of a member's personal data. Append-only: a trigger refuses updates, and deletes except by the platform role's
-- retention (shared.TenantWall.PLATFORM_ROLE). Field names only, never values, so no secret is ever stored here.
create table audit_record (
    id          bigint generated always as identity primary key,
    circuit_id  bigint,
    company_id  bigint,
    store_id    bigint,
    at          timestamptz not null,
    actor_kind  text not null check (actor_kind in ('OPERATOR', 'API_KEY', 'SYSTEM')),
    actor       text not null,
    actor_name  text,
    action      text not null check (action in ('CHANGE', 'READ')),
    operation   text not null,
    entity      text not null,
    entity_id   text,
    fields      text[] not null default '{}',
    status      int not null
);
create index audit_record_circuit_at on audit_record (circuit_id, at desc, id desc);
create index audit_record_entity on audit_record (circuit_id, entity, entity_id);

create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_user = 'loyaltyhub_platform' then
        return old;
    end if;
    raise exception 'audit records are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function audit_record_append_only();
create function audit_record_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only (TRUNCATE refused)' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_no_truncate();
