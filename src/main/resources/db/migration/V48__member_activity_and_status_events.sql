-- What status programs (tiers, badges) qualify on, per member and calendar month (UTC): points earned (earning,
-- actions and manual adjustments, less their reversals; not redemptions or expiry), amount spent and purchases
-- counted. Kept in the transaction of the change that moves it; windows (lifetime, calendar year, rolling months)
-- add up months.
create table member_activity (
    member_id   bigint        not null,
    month       date          not null,
    circuit_id  bigint        not null,
    points      bigint        not null default 0,
    spent       numeric(19,4) not null default 0,
    purchases   int           not null default 0,
    primary key (member_id, month)
);
create index member_activity_circuit_month on member_activity (circuit_id, month);

-- What each purchase has put into member_activity, so a change (refund, cancellation) moves only the difference.
alter table purchase_award add column counted_spent numeric(19,4) not null default 0;
alter table purchase_award add column counted_purchases int not null default 0;
alter table purchase_award add column counted_month date;

-- Every change of a member's status (tier, badge, membership), with its reason: shown beside the movements.
create table member_status_event (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null,
    member_id   bigint      not null,
    kind        text        not null,
    from_label  text,
    to_label    text,
    ref_id      bigint,
    reason      text        not null,
    actor       text,
    at          timestamptz not null default now()
);
create index member_status_event_member on member_status_event (member_id, at desc);

-- The status multipliers (tier, membership plan) a purchase's points were fixed with, named for its history.
alter table purchase_award add column boost text;
