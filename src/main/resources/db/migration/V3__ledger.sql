-- The double-entry ledger. Entries and postings are append-only: corrections are new entries.
create table account (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    kind        text        not null,
    owner_id    bigint,
    unit        text        not null default 'PTS',
    -- Only accounts with a floor keep a balance row (kept in the posting's transaction);
    -- open-ended system accounts (issuance, sinks) derive theirs from postings so they are never a hot row.
    materialized boolean    not null,
    balance     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    unique nulls not distinct (circuit_id, kind, owner_id)
);

create table journal_entry (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null references circuit (id),
    business_key  text        not null,
    kind          text        not null,
    reason        text        not null,
    note          text,
    member_id     bigint,
    company_id    bigint,
    store_id      bigint,
    actor         text,
    reverses_id   bigint references journal_entry (id),
    created_at    timestamptz not null default now(),
    unique (circuit_id, business_key)
);
create index journal_entry_member on journal_entry (member_id, id desc) where member_id is not null;
create index journal_entry_company on journal_entry (company_id, id desc) where company_id is not null;
create unique index journal_entry_reversed_once on journal_entry (reverses_id) where reverses_id is not null;

create table posting (
    id          bigint generated always as identity primary key,
    entry_id    bigint not null references journal_entry (id),
    account_id  bigint not null references account (id),
    amount      bigint not null check (amount <> 0)
);
create index posting_entry on posting (entry_id);
create index posting_account on posting (account_id, entry_id);

-- Points credited to a member's available account, with issuer and expiry; consumed oldest-expiring first.
create table lot (
    id                 bigint generated always as identity primary key,
    circuit_id         bigint      not null,
    account_id         bigint      not null references account (id),
    issuer_company_id  bigint,
    entry_id           bigint      not null references journal_entry (id),
    earned_at          timestamptz not null,
    expires_at         timestamptz,
    amount             bigint      not null check (amount > 0),
    remaining          bigint      not null,
    check (remaining between 0 and amount)
);
create index lot_open on lot (account_id, expires_at nulls last, id) where remaining > 0;
create index lot_due on lot (expires_at) where remaining > 0 and expires_at is not null;
create index lot_entry on lot (entry_id);

-- Every change of a lot's remaining amount, with the entry that caused it: the clearing trail.
create table lot_movement (
    id        bigint generated always as identity primary key,
    lot_id    bigint not null references lot (id),
    entry_id  bigint not null references journal_entry (id),
    amount    bigint not null check (amount <> 0)
);
create index lot_movement_lot on lot_movement (lot_id);
create index lot_movement_entry on lot_movement (entry_id);

-- Points reserved by a redemption until it is captured, released or expires.
create table hold (
    id               bigint generated always as identity primary key,
    circuit_id       bigint      not null,
    member_id        bigint      not null,
    points           bigint      not null check (points > 0),
    status           text        not null check (status in ('HELD', 'CAPTURED', 'RELEASED')),
    expires_at       timestamptz not null,
    entry_id         bigint      not null references journal_entry (id),
    settled_entry_id bigint references journal_entry (id),
    created_at       timestamptz not null default now()
);
create index hold_due on hold (expires_at) where status = 'HELD';

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function refuse_change();
create trigger posting_append_only before update or delete on posting
    for each row execute function refuse_change();
create trigger lot_movement_append_only before update or delete on lot_movement
    for each row execute function refuse_change();

-- An entry whose postings do not sum to zero per unit cannot commit.
create function check_entry_balanced() returns trigger language plpgsql as $$
declare
    unbalanced text;
begin
    select a.unit into unbalanced
      from posting p join account a on a.id = p.account_id
     where p.entry_id = new.entry_id
     group by a.unit
    having sum(p.amount) <> 0
     limit 1;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance in %', new.entry_id, unbalanced
            using errcode = 'check_violation';
    end if;
    return null;
end $$;
create constraint trigger posting_balanced after insert on posting
    deferrable initially deferred
    for each row execute function check_entry_balanced();
