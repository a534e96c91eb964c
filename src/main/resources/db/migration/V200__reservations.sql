-- Reservations (issue 13 §6): what a store offers to book, its weekly hours and closed days, the bookings, and one
-- row per booked slot whose seat count the database keeps within the capacity under concurrency.
create table bookable (
    id               bigint generated always as identity primary key,
    circuit_id       bigint      not null references circuit (id),
    company_id       bigint      not null references company (id),
    store_id         bigint      not null references store (id),
    kind             text        not null check (kind in ('TABLE', 'APPOINTMENT', 'SERVICE')),
    name             text        not null check (length(name) between 1 and 120),
    duration_minutes int         not null check (duration_minutes between 5 and 720),
    capacity         int         not null check (capacity between 1 and 500),
    active           boolean     not null default true,
    created_at       timestamptz not null
);
create index bookable_store on bookable (circuit_id, store_id);

create table bookable_hours (
    bookable_id bigint   not null references bookable (id) on delete cascade,
    weekday     smallint not null check (weekday between 1 and 7),
    opens       time     not null,
    closes      time     not null,
    check (opens < closes),
    primary key (bookable_id, weekday, opens)
);

create table bookable_closure (
    bookable_id bigint not null references bookable (id) on delete cascade,
    day         date   not null,
    primary key (bookable_id, day)
);

create table reservation (
    id               bigint generated always as identity primary key,
    circuit_id       bigint      not null references circuit (id),
    bookable_id      bigint      not null references bookable (id),
    store_id         bigint      not null references store (id),
    member_id        bigint      not null references member (id),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    seats            int         not null check (seats between 1 and 500),
    status           text        not null check (status in ('BOOKED', 'CANCELLED', 'ARRIVED', 'NO_SHOW')),
    request_key      text        not null,
    landing_page_id  bigint,
    created_at       timestamptz not null,
    reminder_due_at  timestamptz,
    reminded_at      timestamptz,
    closed_at        timestamptz,
    closed_by        text,
    unique (circuit_id, request_key)
);
create index reservation_day on reservation (circuit_id, store_id, starts_at);
create index reservation_member on reservation (circuit_id, member_id, starts_at);
create index reservation_reminder_due on reservation (reminder_due_at) where reminded_at is null and status = 'BOOKED';

create table reservation_slot (
    bookable_id bigint      not null references bookable (id),
    starts_at   timestamptz not null,
    capacity    int         not null,
    taken       int         not null check (taken >= 0),
    check (taken <= capacity),
    primary key (bookable_id, starts_at)
);

-- An e-mail may carry one attachment (a booking's calendar file).
alter table mail_outbox add column attachment_name text;
alter table mail_outbox add column attachment_type text;
alter table mail_outbox add column attachment bytea;
