-- A shop authorisation under way: LoyaltyHub sent an operator to the shop (Shopify's OAuth install, WooCommerce's
-- wc-auth key exchange) with a one-time state, and waits for the shop to come back with it. Only the state's
-- SHA-256 is kept; a row is used once and lives ten minutes.
create table shop_authorization (
    state_hash     text        primary key,
    platform       text        not null check (platform in ('WOOCOMMERCE', 'SHOPIFY')),
    circuit_id     bigint      not null references circuit (id),
    company_id     bigint      not null references company (id),
    store_id       bigint      not null references store (id),
    connection_id  bigint      references shop_connection (id) on delete cascade,
    operator_id    bigint      not null,
    shop_domain    text        not null,
    expires_at     timestamptz not null,
    created_at     timestamptz not null default now()
);
create index shop_authorization_expiry on shop_authorization (expires_at);
