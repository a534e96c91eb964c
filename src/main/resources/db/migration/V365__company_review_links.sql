-- Company review links (issue 18 §3): a company's Google Business profile, TripAdvisor page and the shop's product
-- reviews page, shown to customers after a visit where the store has no review page of its own.
create table company_review_links (
    circuit_id           bigint not null,
    company_id           bigint not null,
    google_review_url    text   check (google_review_url ~ '^https://' and length(google_review_url) <= 500),
    tripadvisor_url      text   check (tripadvisor_url ~ '^https://' and length(tripadvisor_url) <= 500),
    product_reviews_url  text   check (product_reviews_url ~ '^https://' and length(product_reviews_url) <= 500),
    updated_at           timestamptz not null default now(),
    primary key (circuit_id, company_id),
    foreign key (circuit_id, company_id) references company (circuit_id, id)
);
