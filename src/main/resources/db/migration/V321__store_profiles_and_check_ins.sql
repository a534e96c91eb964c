-- Stores near me and check-in (issue 18 §1): what customers see of a store besides its address (phone, opening
-- hours, review pages) and how close a phone must be to check in; members' check-ins, one per store and day.
create table store_profile (
    circuit_id         bigint  not null,
    store_id           bigint  not null,
    phone              text    check (length(phone) <= 40),
    opening_hours      text    check (length(opening_hours) <= 500),
    checkin_radius_m   integer not null default 150 check (checkin_radius_m between 20 and 2000),
    google_review_url  text    check (google_review_url ~ '^https://' and length(google_review_url) <= 500),
    tripadvisor_url    text    check (tripadvisor_url ~ '^https://' and length(tripadvisor_url) <= 500),
    updated_at         timestamptz not null default now(),
    primary key (circuit_id, store_id),
    foreign key (circuit_id, store_id) references store (circuit_id, id)
);

create table store_checkin (
    id             bigint generated always as identity primary key,
    circuit_id     bigint      not null references circuit (id),
    member_id      bigint      not null references member (id),
    store_id       bigint      not null,
    day            date        not null,
    method         text        not null check (method in ('POSITION', 'POSTER_CODE')),
    checked_in_at  timestamptz not null,
    foreign key (circuit_id, store_id) references store (circuit_id, id),
    unique (circuit_id, member_id, store_id, day)
);
create index store_checkin_member on store_checkin (circuit_id, member_id, checked_in_at);
