-- Program settings per circuit: earning, redemption, validity (seed 004, "Impostazioni Generali").
create table program_settings (
    circuit_id             bigint primary key references circuit (id),
    points_enabled         boolean        not null default true,
    earn_points            bigint         not null default 1,
    earn_per_amount        numeric(19, 4) not null default 1,
    earn_rounding          text           not null default 'PER_FULL_STEP',
    pending_from           text           not null default 'NONE',
    award_moment           text           not null default 'PAID',
    registration_points    bigint         not null default 0,
    newsletter_points      bigint         not null default 0,
    review_points          bigint         not null default 0,
    review_points_once     boolean        not null default false,
    validity               text           not null default 'NEVER',
    validity_months        int,
    redeem_points          bigint         not null default 100,
    redeem_value           numeric(19, 4) not null default 1,
    min_balance            bigint         not null default 0,
    min_cart_total         numeric(19, 4) not null default 0,
    max_discount_amount    numeric(19, 4),
    max_discount_percent   numeric(7, 4),
    exclude_discounted     boolean        not null default false,
    redeemable_products    text           not null default 'ALL',
    hold_minutes           int            not null default 30,
    intro_text             text,
    updated_at             timestamptz    not null default now()
);

-- Per-product earning overrides and the list used by the redemption product rule.
create table product_rule (
    circuit_id      bigint         not null references circuit (id),
    product_id      text           not null,
    earn_mode       text           not null default 'DEFAULT' check (earn_mode in ('DEFAULT', 'FIXED', 'PERCENT', 'EXCLUDED')),
    fixed_points    bigint,
    percent         numeric(7, 4),
    redeem_listed   boolean        not null default false,
    primary key (circuit_id, product_id)
);

create table purchase (
    id            bigint generated always as identity primary key,
    circuit_id    bigint         not null references circuit (id),
    company_id    bigint         not null references company (id),
    store_id      bigint         not null references store (id),
    member_id     bigint         not null references member (id),
    channel       text           not null,
    order_id      text           not null,
    currency      char(3)        not null,
    total         numeric(19, 4) not null check (total >= 0),
    refunded      numeric(19, 4) not null default 0 check (refunded >= 0),
    status        text           not null,
    stage         text           not null,
    redemption_id bigint,
    occurred_at   timestamptz    not null,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now(),
    unique (circuit_id, company_id, channel, order_id)
);
create index purchase_member on purchase (member_id, id desc);

create table purchase_line (
    purchase_id  bigint         not null references purchase (id),
    line_no      int            not null,
    product_id   text,
    sku          text,
    quantity     numeric(19, 4) not null,
    unit_price   numeric(19, 4) not null,
    discounted   boolean        not null default false,
    primary key (purchase_id, line_no)
);

-- What the program has posted for a purchase, so each status change posts only the difference.
create table purchase_award (
    purchase_id        bigint primary key references purchase (id),
    circuit_id         bigint not null,
    source_company_id  bigint,             -- whose budget the points came from; null: circuit issuance
    base_points        bigint not null,
    lot_entry_id       bigint,             -- the last entry that gave this purchase's points lots
    pending            bigint not null default 0,
    available          bigint not null default 0,
    steps              int    not null default 0
);

create table redemption (
    id            bigint generated always as identity primary key,
    circuit_id    bigint         not null references circuit (id),
    member_id     bigint         not null references member (id),
    company_id    bigint         not null references company (id),
    store_id      bigint         references store (id),
    hold_id       bigint         not null references hold (id),
    points        bigint         not null,
    discount      numeric(19, 4) not null,
    currency      char(3)        not null,
    status        text           not null,
    order_id      text,
    expires_at    timestamptz    not null,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now()
);
create index redemption_member on redemption (member_id, id desc);
