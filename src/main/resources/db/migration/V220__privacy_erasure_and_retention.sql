-- Issue 15 §1–§3: erasures (who erased which member, when, why: never what was erased), data requests that
-- shops made for their customers (Shopify customers/data_request), and each circuit's retention settings with the
-- runs of the job that applies them.
create table member_erasure (
    member_id   bigint      primary key references member (id),
    circuit_id  bigint      not null references circuit (id),
    source      text        not null check (source in ('ADMINISTRATOR', 'CUSTOMER', 'SHOP', 'RETENTION')),
    actor       text        not null check (length(actor) between 1 and 200),
    reason      text        not null check (length(reason) between 1 and 500),
    forfeited   bigint      not null default 0,
    erased_at   timestamptz not null
);
create index member_erasure_circuit on member_erasure (circuit_id, erased_at desc);

create table data_request (
    id            bigserial   primary key,
    circuit_id    bigint      not null references circuit (id),
    company_id    bigint      references company (id),
    member_id     bigint      not null references member (id),
    requested_by  text        not null check (length(requested_by) between 1 and 300),
    request_key   text        not null check (length(request_key) between 1 and 300),
    requested_at  timestamptz not null,
    due_at        timestamptz not null,
    downloaded_at timestamptz,
    unique (circuit_id, request_key)
);
create index data_request_open on data_request (circuit_id, requested_at desc);

create table retention_settings (
    circuit_id             bigint      primary key references circuit (id),
    inactive_member_years  integer     check (inactive_member_years between 1 and 30),
    delivery_body_days     integer     not null default 90 check (delivery_body_days between 1 and 3650),
    audit_years            integer     not null default 5 check (audit_years between 1 and 30),
    updated_at             timestamptz not null
);

create table retention_run (
    id               bigserial   primary key,
    circuit_id       bigint      not null references circuit (id),
    ran_at           timestamptz not null,
    members_erased   integer     not null,
    bodies_emptied   integer     not null,
    answers_deleted  integer     not null
);
create index retention_run_circuit on retention_run (circuit_id, ran_at desc);

-- The journal stays append-only, with one exception that the right to erasure needs: a free-text note, which may
-- name the person, can be blanked. Every other column of an entry, and every posting, still refuses any change.
create function journal_entry_note_erasure_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.note is null
       and (new.id, new.circuit_id, new.business_key, new.kind, new.reason, new.member_id, new.company_id,
            new.store_id, new.actor, new.reverses_id, new.created_at)
           is not distinct from
           (old.id, old.circuit_id, old.business_key, old.kind, old.reason, old.member_id, old.company_id,
            old.store_id, old.actor, old.reverses_id, old.created_at) then
        return new;
    end if;
    raise exception '% is append-only', tg_table_name using errcode = 'restrict_violation';
end $$;
drop trigger journal_entry_append_only on journal_entry;
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function journal_entry_note_erasure_only();
