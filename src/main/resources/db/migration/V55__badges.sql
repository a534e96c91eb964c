-- Badges (seed 004, "Badge" and "Sconti condizionati per badge"): per circuit, a ladder of point ranges, each with
-- its names, description, icon and the extra discount its holders get at redemption. A removed badge keeps its row
-- (members' history names it) but leaves the ladder.
create table badge (
    id                   bigint generated always as identity primary key,
    circuit_id           bigint        not null references circuit (id),
    name_en              text          not null,
    name_it              text,
    description_en       text,
    description_it       text,
    points_from          bigint        not null check (points_from >= 0),
    points_to            bigint,
    extra_value_percent  numeric(7,2)  not null default 0 check (extra_value_percent >= 0),
    max_discount_amount  numeric(19,4) check (max_discount_amount > 0),
    max_discount_percent numeric(5,2)  check (max_discount_percent > 0 and max_discount_percent <= 100),
    icon_type            text,
    icon                 bytea,
    icon_sha256          text,
    removed_at           timestamptz,
    created_at           timestamptz   not null default now(),
    check (points_to is null or points_to >= points_from),
    check ((icon is null) = (icon_type is null))
);
create index badge_circuit on badge (circuit_id) where removed_at is null;

-- What the badge points of a circuit's members count: lifetime, the calendar year, or the last N months.
create table badge_window (
    circuit_id bigint primary key references circuit (id),
    kind       text not null check (kind in ('LIFETIME', 'CALENDAR_YEAR', 'ROLLING_MONTHS')),
    months     int check (months between 1 and 120),
    check ((kind = 'ROLLING_MONTHS') = (months is not null))
);

-- The badge a member holds (null: none), since when, and the points it was last evaluated on. The row is the lock a
-- re-evaluation takes, so two changes at once move the badge once.
create table member_badge (
    member_id    bigint primary key,
    circuit_id   bigint      not null,
    badge_id     bigint references badge (id),
    since        timestamptz,
    points       bigint      not null default 0,
    evaluated_on date
);
create index member_badge_circuit on member_badge (circuit_id, member_id);
