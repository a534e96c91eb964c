-- Review scores a member gave, kept only when verifiable (issue 14 §3, rating): a `review` campaign event with a
-- rating (sent by an API key or an administrator), or an approved product review of the WordPress plugin that carries
-- one. Once per source reference; the member indicators show their average and count.
create table member_review (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    member_id   bigint      not null references member (id),
    reference   text        not null check (length(reference) between 1 and 300),
    rating      smallint    not null check (rating between 1 and 5),
    reviewed_at timestamptz not null,
    unique (circuit_id, reference)
);
create index member_review_by_member on member_review (circuit_id, member_id);
