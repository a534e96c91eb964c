-- Backfills from a connected shop (issue 17 §1): a period's customers and orders read page by page in the background.
-- The cursor (a page, an offset, a bulk operation and a position) moves in the same transaction as what its page
-- wrote, so a restart resumes at the last page committed; one backfill at a time per connection.
create table shop_backfill (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null references circuit (id),
    connection_id bigint      not null references shop_connection (id),
    from_date     date        not null,
    to_date       date        not null,
    with_points   boolean     not null,
    status        text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase         text        not null check (phase in ('CUSTOMERS', 'ORDERS')),
    cursor        text,
    done          integer     not null default 0,
    total         integer,
    customers     integer     not null default 0,
    members       integer     not null default 0,
    orders        integer     not null default 0,
    purchases     integer     not null default 0,
    skipped       integer     not null default 0,
    failures      integer     not null default 0,
    error         text,
    requested_by  text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    finished_at   timestamptz,
    check (from_date <= to_date)
);
create unique index shop_backfill_one_at_a_time on shop_backfill (connection_id) where status in ('QUEUED', 'RUNNING');
create index shop_backfill_of_connection on shop_backfill (connection_id, id desc);
