-- Promotions (issue 12 §2): rules that award points when a purchase meets their conditions, inside their validity,
-- within their limits. The definition (target, trigger, effect, limits) is kept as entered; what queries need is in
-- columns. spent_points is what the promotion has given and not taken back: the budget counts it.
alter table program_settings add column time_zone text not null default 'Europe/Rome';

create table promotion (
    id             bigint generated always as identity primary key,
    circuit_id     bigint      not null references circuit (id),
    name           text        not null,
    status         text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED')),
    valid_from     timestamptz not null,
    valid_until    timestamptz check (valid_until > valid_from),
    priority       int         not null,
    definition     jsonb       not null,
    budget_points  bigint check (budget_points > 0),
    spent_points   bigint      not null default 0 check (spent_points >= 0),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (budget_points is null or spent_points <= budget_points)
);
create index promotion_circuit on promotion (circuit_id, status);

-- What a promotion gave for one occurrence (a purchase): the points decided, what is posted now (after refunds),
-- and the lots' entry for reversals. One row per (promotion, occurrence): the business key.
create table promotion_grant (
    id                 bigint generated always as identity primary key,
    circuit_id         bigint      not null,
    promotion_id       bigint      not null references promotion (id),
    member_id          bigint      not null,
    occurrence         text        not null,
    purchase_id        bigint,
    occurred_at        timestamptz not null,
    points             bigint      not null check (points > 0),
    given              bigint      not null default 0 check (given >= 0),
    withdrawn          boolean     not null default false,
    source_company_id  bigint,
    lot_entry_id       bigint,
    steps              int         not null default 0,
    unique (promotion_id, occurrence)
);
create index promotion_grant_member on promotion_grant (promotion_id, member_id, occurred_at);
create index promotion_grant_purchase on promotion_grant (purchase_id) where purchase_id is not null;

-- Every promotion a purchase was considered for, with the outcome and why, decided once.
create table promotion_evaluation (
    purchase_id   bigint primary key,
    circuit_id    bigint      not null,
    company_id    bigint      not null,
    evaluated_at  timestamptz not null,
    considered    jsonb       not null
);
