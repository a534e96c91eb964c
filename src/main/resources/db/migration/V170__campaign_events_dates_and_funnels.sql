-- Campaigns beyond purchases (issue 12 §2, §3): event types a circuit declares (with a JSON schema of their
-- attributes), events received (once per caller's event id), what non-purchase promotions did per member and
-- occurrence (the business key that gives once), member tags, and automation funnels with their per-member run log.
create table campaign_event_type (
    circuit_id  bigint      not null references circuit (id),
    name        text        not null,
    schema      jsonb       not null,
    created_at  timestamptz not null default now(),
    primary key (circuit_id, name)
);

create table campaign_event (
    id           bigint generated always as identity primary key,
    circuit_id   bigint      not null references circuit (id),
    event_id     text        not null,
    member_id    bigint      not null references member (id),
    type         text        not null,
    attributes   jsonb       not null,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    actor        text,
    outcomes     jsonb       not null default '[]',
    unique (circuit_id, event_id)
);
create index campaign_event_member on campaign_event (member_id, occurred_at);

-- One row per (promotion, member, occurrence): an event ("event:<id>"), a date ("birthday:2026") or a schedule's
-- round ("week:2026-W48"). points is the signed change it made to the member's points (0 for a voucher or a tag).
create table promotion_occurrence (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null,
    promotion_id  bigint      not null references promotion (id),
    member_id     bigint      not null references member (id),
    occurrence    text        not null,
    occurred_at   timestamptz not null,
    points        bigint      not null,
    entry_id      bigint,
    detail        text        not null,
    unique (promotion_id, member_id, occurrence)
);
create index promotion_occurrence_member on promotion_occurrence (promotion_id, member_id, occurred_at);

create table member_tag (
    circuit_id  bigint      not null,
    member_id   bigint      not null references member (id),
    tag         text        not null check (tag ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    added_at    timestamptz not null,
    source      text        not null,
    primary key (member_id, tag)
);
create index member_tag_circuit on member_tag (circuit_id, tag);

create table funnel (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    name        text        not null,
    status      text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED')),
    definition  jsonb       not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index funnel_circuit on funnel (circuit_id, status);

-- A member's way through a funnel for one occurrence of its trigger: WAITING until due_at, then ACTED or SKIPPED
-- (with why). The unique key makes entering idempotent; the job settles each due run in its own transaction.
create table funnel_run (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null,
    funnel_id   bigint      not null references funnel (id),
    member_id   bigint      not null references member (id),
    occurrence  text        not null,
    state       text        not null check (state in ('WAITING', 'ACTED', 'SKIPPED')),
    entered_at  timestamptz not null,
    due_at      timestamptz not null,
    done_at     timestamptz,
    detail      text,
    unique (funnel_id, member_id, occurrence)
);
create index funnel_run_due on funnel_run (due_at) where state = 'WAITING';
create index funnel_run_funnel on funnel_run (funnel_id, entered_at desc);
