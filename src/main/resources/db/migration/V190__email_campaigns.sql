-- E-mail campaigns (issue 13 §2): a circuit's message to a segment or to the members a search finds, sent at a
-- throttled rate by a job, once per member, with opens, clicks and what recipients did afterwards in its report.
create table email_campaign (
    id               bigint generated always as identity primary key,
    circuit_id       bigint      not null references circuit (id),
    name             text        not null check (length(name) between 1 and 120),
    segment_id       bigint,     -- a segment deleted later leaves the campaign with no audience, not an error
    filter           text        check (length(filter) between 1 and 100),
    subject_it       text        not null check (length(subject_it) between 1 and 200),
    body_it          text        not null check (length(body_it) between 1 and 10000),
    subject_en       text        not null check (length(subject_en) between 1 and 200),
    body_en          text        not null check (length(body_en) between 1 and 10000),
    attribution_days int         not null check (attribution_days between 1 and 90),
    status           text        not null check (status in ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
    send_at          timestamptz,
    request_key      text        check (length(request_key) between 1 and 100),
    created_by       text        not null,
    created_at       timestamptz not null,
    queued_at        timestamptz,
    finished_at      timestamptz,
    check (segment_id is null or filter is null),
    check (status <> 'SCHEDULED' or send_at is not null),
    unique (circuit_id, request_key)
);
create index email_campaign_circuit on email_campaign (circuit_id, id desc);
create index email_campaign_due on email_campaign (send_at) where status = 'SCHEDULED';
create index email_campaign_sending on email_campaign (id) where status = 'SENDING';

-- Who a campaign goes to, fixed when it is queued: one row per member (never twice), marked SENT in the transaction
-- that puts their e-mail in the outbox, so a restart continues with the rows still QUEUED.
create table email_campaign_recipient (
    campaign_id bigint      not null references email_campaign (id),
    member_id   bigint      not null references member (id),
    status      text        not null check (status in ('QUEUED', 'SENT', 'SKIPPED')),
    outbox_id   bigint      references mail_outbox (id),
    sent_at     timestamptz,
    opened_at   timestamptz,
    clicked_at  timestamptz,
    primary key (campaign_id, member_id)
);
create index email_campaign_recipient_queued on email_campaign_recipient (campaign_id, member_id) where status = 'QUEUED';
create index email_campaign_recipient_recent on email_campaign_recipient (sent_at) where sent_at is not null;

-- Opens (a tracking pixel) and clicks (links through a redirect) are counted unless the circuit switches them off.
alter table notification_circuit add column track_opens boolean not null default true;
alter table notification_circuit add column track_clicks boolean not null default true;

-- owner: members. Marketing consents withdrawn, when (a campaign's report counts its recipients who unsubscribed).
create view campaign_consent_withdrawn as
select member_id, circuit_id, recorded_at from consent where kind = 'MARKETING' and not granted;

-- owner: purchases. Purchases by member and time (a campaign's report attributes them to its recipients).
create view campaign_purchase as
select member_id, circuit_id, total, occurred_at from purchase;

-- owner: programs. Points a purchase gave (a campaign's report attributes them to its recipients).
create view campaign_purchase_points as
select p.member_id, p.circuit_id, p.occurred_at, a.base_points
  from purchase p join purchase_award a on a.purchase_id = p.id;
