-- Member indicators and RFM (analytics, issue 14 §3): a row per member, refreshed by the nightly cluster-safe job
-- for each circuit as of a UTC day. Only rows whose figures changed are rewritten. Figures over purchases that are
-- not cancelled, net of refunds: visits and the most visited store over the last 12 months, visits and spend over
-- the last 3 years, spend per calendar year (this year and the two before), the last purchase in those 3 years,
-- and the recency, frequency and monetary quintiles (1-5) among the circuit's members who bought in those 3 years,
-- with the named segment they map to (null for a member who did not buy).
create table member_indicator (
    member_id              bigint        primary key,
    circuit_id             bigint        not null,
    visits_12m             int           not null default 0,
    most_visited_store_id  bigint,
    visits_3y              int           not null default 0,
    spend_3y               numeric(19,4) not null default 0,
    spend_this_year        numeric(19,4) not null default 0,
    spend_last_year        numeric(19,4) not null default 0,
    spend_year_before      numeric(19,4) not null default 0,
    last_purchase_at       timestamptz,
    recency_score          smallint      check (recency_score between 1 and 5),
    frequency_score        smallint      check (frequency_score between 1 and 5),
    monetary_score         smallint      check (monetary_score between 1 and 5),
    rfm_segment            text
);
create index member_indicator_circuit on member_indicator (circuit_id, rfm_segment);

-- The day each circuit's indicators were last computed for: a round cut short resumes with the circuits not yet
-- done that day, and the member page says how fresh the scores are.
create table member_indicator_run (
    circuit_id   bigint      primary key,
    computed_on  date        not null,
    members      int         not null,
    finished_at  timestamptz not null
);

-- The job reads a circuit's purchases by time.
create index purchase_circuit_occurred on purchase (circuit_id, occurred_at);

-- owner: analytics. What segments read of the indicators (see V120): the most visited store, the RFM quintiles and
-- the named segment.
create view segment_member_indicator as
select member_id, circuit_id, most_visited_store_id, recency_score, frequency_score, monetary_score, rfm_segment
  from member_indicator;

-- The performance reports (issue 14) read redemptions by circuit and time.
create index voucher_event_circuit_change on voucher_event (circuit_id, change, at);

-- The dashboard and the points report count a circuit's members enrolled before a day.
create index member_circuit_created on member (circuit_id, created_at);
