-- Tiers (levels) of a circuit, ordered by the threshold a member's qualifying activity must reach (issue 9).
-- The threshold is in the unit of the circuit's qualification basis: points, an amount of money, or visits.
create table tier (
    id                   bigint generated always as identity primary key,
    circuit_id           bigint        not null references circuit (id),
    name_en              text          not null,
    name_it              text,
    colour               text          not null check (colour ~ '^#[0-9a-fA-F]{6}$'),
    icon                 text,
    threshold            numeric(19,4) not null check (threshold >= 0),
    benefits_en          text,
    benefits_it          text,
    earn_multiplier      numeric(9,4)  not null default 1 check (earn_multiplier >= 1),
    redeem_extra_percent numeric(7,2)  not null default 0 check (redeem_extra_percent >= 0),
    max_discount_amount  numeric(19,4) check (max_discount_amount >= 0),
    max_discount_percent numeric(5,2)  check (max_discount_percent between 0 and 100),
    unique (circuit_id, threshold),
    unique (circuit_id, id)
);

-- How a circuit's members qualify for its tiers and lose them.
create table tier_policy (
    circuit_id    bigint primary key references circuit (id),
    basis         text not null check (basis in ('POINTS_EARNED', 'AMOUNT_SPENT', 'VISITS')),
    window_kind   text not null check (window_kind in ('LIFETIME', 'CALENDAR_YEAR', 'ROLLING_MONTHS')),
    window_months int check (window_months between 1 and 36),
    downgrade     text not null check (downgrade in ('NEVER', 'END_OF_PERIOD', 'AFTER_MONTHS_BELOW')),
    below_months  int check (below_months between 1 and 36),
    grace_days    int  not null default 0 check (grace_days between 0 and 365)
);

-- Each member's tier: the one computed from their activity (since when, kept until when, below its threshold since
-- when), an administrator's manual tier that overrides it (with reason, actor and optional last day), and the day
-- the nightly recalculation must look at the member again (their window moves, their tier or manual tier ends).
create table member_tier (
    member_id      bigint primary key,
    circuit_id     bigint not null,
    tier_id        bigint,
    since          date,
    kept_until     date,
    below_since    date,
    manual_tier_id bigint,
    manual_reason  text,
    manual_actor   text,
    manual_until   date,
    review_on      date,
    foreign key (circuit_id, tier_id) references tier (circuit_id, id),
    foreign key (circuit_id, manual_tier_id) references tier (circuit_id, id),
    check ((manual_tier_id is null) = (manual_reason is null))
);
create index member_tier_review on member_tier (circuit_id, review_on, member_id) where review_on is not null;
create index member_tier_tier on member_tier (tier_id) where tier_id is not null;
create index member_tier_manual on member_tier (manual_tier_id) where manual_tier_id is not null;
