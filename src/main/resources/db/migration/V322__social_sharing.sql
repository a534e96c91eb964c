-- Social sharing and reviews (issue 18 §3): the circuit's social profiles and points for visits that members'
-- shared links bring (not for the click on "share"); a visit counts once per visitor and day, the visitor known only
-- by keyed hashes of a cookie and of the address and browser (no address is kept): a visit is new when neither
-- was seen on the member's links that day.
create table social_settings (
    circuit_id        bigint  primary key references circuit (id),
    points_per_visit  integer not null default 0 check (points_per_visit between 0 and 100000),
    daily_cap         integer not null default 5 check (daily_cap between 0 and 1000),
    facebook_url      text check (facebook_url ~ '^https://' and length(facebook_url) <= 500),
    instagram_url     text check (instagram_url ~ '^https://' and length(instagram_url) <= 500),
    x_url             text check (x_url ~ '^https://' and length(x_url) <= 500),
    tiktok_url        text check (tiktok_url ~ '^https://' and length(tiktok_url) <= 500),
    youtube_url       text check (youtube_url ~ '^https://' and length(youtube_url) <= 500),
    updated_at        timestamptz not null default now()
);

create table share_link (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    member_id   bigint      not null references member (id),
    target      text        not null check (target in ('REFERRAL', 'STORE')),
    store_id    bigint,
    token       text        not null unique check (token ~ '^[A-Za-z0-9_-]{16,40}$'),
    created_at  timestamptz not null,
    foreign key (circuit_id, store_id) references store (circuit_id, id),
    check ((target = 'STORE') = (store_id is not null))
);
create unique index share_link_once on share_link (circuit_id, member_id, target, coalesce(store_id, 0));

create table share_visit (
    id             bigint generated always as identity primary key,
    circuit_id     bigint      not null references circuit (id),
    share_link_id  bigint      not null references share_link (id),
    visitor_hash   char(64)    not null,
    client_hash    char(64)    not null,
    day            date        not null,
    points         integer     not null check (points >= 0),
    visited_at     timestamptz not null,
    unique (circuit_id, share_link_id, visitor_hash, day)
);
create index share_visit_client on share_visit (circuit_id, share_link_id, day, client_hash);
