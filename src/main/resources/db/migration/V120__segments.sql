-- Segments (marketing, issue 12 §1): saved filters over a circuit's members. A segment matches its groups by ALL or
-- ANY; each group matches its conditions by ALL or ANY (one level of groups). A condition is a field, an operator and
-- its values, kept as the canonical text the definition is read back from.
create table segment (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    name        text        not null check (length(name) between 1 and 120),
    description text        check (length(description) <= 500),
    match       text        not null check (match in ('ALL', 'ANY')),
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (circuit_id, id)
);
create unique index segment_name_per_circuit on segment (circuit_id, lower(name));

create table segment_group (
    segment_id  bigint not null references segment (id) on delete cascade,
    position    int    not null check (position >= 0),
    match       text   not null check (match in ('ALL', 'ANY')),
    primary key (segment_id, position)
);

create table segment_condition (
    segment_id  bigint not null,
    group_pos   int    not null,
    position    int    not null check (position >= 0),
    field       text   not null,
    operator    text   not null,
    vals        text[] not null default '{}',
    months      int    check (months between 1 and 36),
    primary key (segment_id, group_pos, position),
    foreign key (segment_id, group_pos) references segment_group (segment_id, position) on delete cascade
);

-- What segments read of other modules' tables, named here so that a change there that would break a segment fails
-- its migration instead of a segment at run time. Each view is one table of its owner, filtered, never aggregated, so
-- the planner pushes the circuit and member conditions down to the owner's indexes.

-- owner: members. A member's own facts.
create view segment_member as
select id as member_id, circuit_id, first_name, last_name, email, phone, birth_date, gender, city, postcode,
       preferred_store_id, enrolled_store_id
  from member;

-- owner: members. The companies a member deals with (who may see them when companies are kept apart).
create view segment_member_company as
select member_id, company_id from member_company;

-- owner: members. The main card's group and brand (the card in use).
create view segment_main_card as
select member_id, circuit_id, lower(card_group) as card_group, lower(brand) as brand
  from card where main;

-- owner: members. Every consent recorded (append-only): the latest row of a kind is the one in force.
create view segment_consent as
select id, member_id, circuit_id, kind, granted from consent;

-- owner: ledger. Points available per member (the materialized balance row of MEMBER_AVAILABLE accounts).
create view segment_points_balance as
select owner_id as member_id, circuit_id, balance from account where kind = 'MEMBER_AVAILABLE';

-- owner: programs. Enrolment and last purchase (member_facts, V66).
create view segment_member_facts as
select member_id, circuit_id, enrolled_at, last_purchase_at from member_facts;

-- owner: programs. Points earned, amount spent and purchases per member and UTC month (member_activity, V48).
create view segment_member_activity as
select member_id, circuit_id, month, points, spent, purchases from member_activity;

-- owner: programs. The computed tier, the manual one and its last day (member_tier, V50); the tier in force is the
-- manual one while it lasts, and a circuit's zero-threshold tier for a member with no row.
create view segment_member_tier as
select member_id, circuit_id, tier_id, manual_tier_id, manual_until from member_tier;

-- owner: programs. The tiers of each circuit.
create view segment_tier as
select id, circuit_id, threshold, name_en, name_it from tier;

-- owner: programs. Badges and membership plans, to check the ids conditions name and to show their names.
create view segment_badge as
select id, circuit_id, name_en, name_it, removed_at is not null as removed from badge;
create view segment_plan as
select id, circuit_id, name_en, name_it, archived from membership_plan;

-- owner: programs. The badge each member holds, when the badge is still on the ladder (member_badge, V55).
create view segment_member_badge as
select mb.member_id, mb.circuit_id, mb.badge_id
  from member_badge mb join badge b on b.id = mb.badge_id
 where b.removed_at is null;

-- owner: programs. Active memberships (V60): in force until ends_at.
create view segment_membership as
select member_id, circuit_id, plan_id, ends_at from membership where status = 'ACTIVE';

-- Indexes the conditions need on their owners' tables: the latest consent of a kind per member in one pass, and the
-- members of a circuit with a birthday in a month.
create index consent_circuit_kind on consent (circuit_id, kind, member_id, id desc);
create index member_birth_month on member (circuit_id, (extract(month from birth_date)::int)) where birth_date is not null;
