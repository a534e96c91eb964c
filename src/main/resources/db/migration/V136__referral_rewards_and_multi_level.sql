-- Referral rewards and multi-level commissions (issue 12, programs): the circuit's settings, one award per referred
-- friend (on their first qualifying purchase, taken back by a refund within the return window), and per purchase and
-- upline level what the multi-level % credited, with each upline member's credits per month for the cap.
create table referral_settings (
    circuit_id        bigint        primary key references circuit (id),
    enabled           boolean       not null,
    referrer_points   bigint        not null check (referrer_points >= 0),
    friend_points     bigint        not null check (friend_points >= 0),
    min_spend         numeric(19,4) not null check (min_spend >= 0),
    daily_cap         int           not null check (daily_cap > 0),
    return_days       int           not null check (return_days >= 0),
    funding           text          not null,
    level_percents    numeric(7,4)[] not null default '{}',
    monthly_cap       bigint        not null check (monthly_cap >= 0),
    updated_at        timestamptz   not null default now()
);

create table referral_award (
    friend_member_id    bigint      primary key references member (id),
    circuit_id          bigint      not null references circuit (id),
    referrer_member_id  bigint      not null references member (id),
    purchase_id         bigint      not null references purchase (id),
    status              text        not null,
    referrer_points     bigint      not null,
    friend_points       bigint      not null,
    referrer_entry_id   bigint,
    friend_entry_id     bigint,
    source_company_id   bigint,
    awarded_at          timestamptz not null,
    reversed_at         timestamptz
);
create index referral_award_referrer on referral_award (circuit_id, referrer_member_id);

create table multi_level_award (
    purchase_id       bigint      not null references purchase (id),
    level             int         not null check (level between 1 and 10),
    circuit_id        bigint      not null references circuit (id),
    upline_member_id  bigint      not null references member (id),
    percent           numeric(7,4) not null,
    source_company_id bigint,
    month             date        not null,
    credited          bigint      not null default 0 check (credited >= 0),
    steps             int         not null default 0,
    lot_entry_id      bigint,
    primary key (purchase_id, level)
);
create index multi_level_award_upline on multi_level_award (upline_member_id, month);

create table multi_level_month (
    member_id   bigint not null references member (id),
    month       date   not null,
    circuit_id  bigint not null references circuit (id),
    credited    bigint not null default 0,
    primary key (member_id, month)
);
