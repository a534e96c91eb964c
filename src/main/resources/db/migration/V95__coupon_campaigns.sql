-- Coupon campaigns: what a campaign gives (a voucher kind, or bonus points), when, how its codes are made (one shared
-- code used once per member, or unique single-use codes generated in batches), its limits and where it counts.
-- Unique codes and each member's use of a shared code are voucher rows (source CAMPAIGN, campaign_id); voucher.code
-- is unique, so a batch's collisions are skipped by "on conflict do nothing" and generated again.
create table coupon_campaign (
    id                bigint generated always as identity primary key,
    circuit_id        bigint        not null references circuit (id),
    name              text          not null,
    gives             text          not null,
    currency          char(3)       not null,
    discount_amount   numeric(19,4),
    discount_percent  numeric(5,2),
    discount_cap      numeric(19,4),
    product_id        text,
    bonus_points      bigint        check (bonus_points > 0),
    valid_from        timestamptz   not null,
    valid_until       timestamptz   not null,
    code_mode         text          not null,
    shared_code       text,
    per_member_limit  int           not null check (per_member_limit > 0),
    total_limit       int           check (total_limit > 0),
    company_ids       bigint[]      not null default '{}',
    store_ids         bigint[]      not null default '{}',
    codes_made        int           not null default 0,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    check (valid_until > valid_from)
);
create index coupon_campaign_circuit on coupon_campaign (circuit_id, valid_until desc);
create unique index coupon_campaign_shared_code on coupon_campaign (circuit_id, shared_code)
    where shared_code is not null;
create index voucher_campaign on voucher (campaign_id, status) where campaign_id is not null;
create index voucher_campaign_member on voucher (campaign_id, member_id) where campaign_id is not null;
-- what a redemption took off the cart (when it can be known), for the campaign's figures
alter table voucher add column discount numeric(19,4);
