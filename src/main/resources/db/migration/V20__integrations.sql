-- Shop integrations: connections to WooCommerce, Shopify, PrestaShop and WordPress shops, the webhook deliveries
-- they sent (stored before processing, so nothing is lost), the orders' last known state, and shop customers.
create table shop_connection (
    id                   bigint generated always as identity primary key,
    circuit_id           bigint      not null references circuit (id),
    company_id           bigint      not null references company (id),
    store_id             bigint      not null references store (id),
    platform             text        not null check (platform in ('WOOCOMMERCE', 'SHOPIFY', 'PRESTASHOP', 'WORDPRESS')),
    name                 text        not null,
    shop_url             text        not null,
    shop_domain          text        not null,
    -- AES-256-GCM ciphertexts (iv || ciphertext || tag); never returned by the API
    api_key              bytea,
    api_secret           bytea,
    webhook_secret       bytea,
    previous_secret      bytea,
    api_key_hint         text,
    enrol_guests         boolean     not null default false,
    active               boolean     not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index shop_connection_company on shop_connection (circuit_id, company_id);
-- a Shopify shop sends its domain, not our id: it must name one connection
create unique index shop_connection_shopify_domain on shop_connection (shop_domain) where platform = 'SHOPIFY' and active;

create table shop_delivery (
    id               bigint generated always as identity primary key,
    circuit_id       bigint      not null,
    connection_id    bigint      not null references shop_connection (id) on delete cascade,
    platform         text        not null,
    topic            text        not null,
    dedupe_key       text        not null,
    body             bytea,
    headers          jsonb       not null default '{}',
    customer_ref     text,
    received_at      timestamptz not null default now(),
    status           text        not null default 'RECEIVED'
                     check (status in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    outcome          text,
    processed_at     timestamptz,
    unique (connection_id, dedupe_key)
);
create index shop_delivery_due on shop_delivery (next_attempt_at) where status in ('RECEIVED', 'FAILED');
create index shop_delivery_list on shop_delivery (connection_id, id desc);

-- The last state of each order a shop reported, merged across out-of-order deliveries; refunds by their id.
create table shop_order (
    connection_id  bigint      not null references shop_connection (id) on delete cascade,
    order_id       text        not null,
    version        timestamptz,
    status         text,
    currency       char(3),
    total          numeric(19, 4),
    refunds        jsonb       not null default '{}',
    member_id      bigint references member (id),
    updated_at     timestamptz not null default now(),
    primary key (connection_id, order_id)
);

create table member_shop_link (
    connection_id     bigint      not null references shop_connection (id) on delete cascade,
    shop_customer_id  text        not null,
    circuit_id        bigint      not null,
    member_id         bigint      not null references member (id),
    created_at        timestamptz not null default now(),
    primary key (connection_id, shop_customer_id)
);
create index member_shop_link_member on member_shop_link (member_id);
