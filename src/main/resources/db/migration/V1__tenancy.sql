-- Tenancy: circuits (the tenant), companies, stores, operators, API keys, the one-time setup token.
create table circuit (
    id                     bigint generated always as identity primary key,
    name                   text        not null,
    currency               char(3)     not null,
    logo_url               text,
    companies_kept_apart   boolean     not null default false,
    budgets_enforced       boolean     not null default false,
    created_at             timestamptz not null default now()
);

create table company (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    name        text        not null,
    vat_number  text,
    created_at  timestamptz not null default now(),
    unique (circuit_id, id)
);
create unique index company_name_per_circuit on company (circuit_id, lower(name));

create table store (
    id          bigint generated always as identity primary key,
    circuit_id  bigint        not null references circuit (id),
    company_id  bigint        not null,
    name        text          not null,
    address     text,
    city        text,
    postcode    text,
    country     char(2),
    latitude    numeric(9, 6),
    longitude   numeric(9, 6),
    created_at  timestamptz   not null default now(),
    foreign key (circuit_id, company_id) references company (circuit_id, id),
    unique (circuit_id, id)
);
create index store_company on store (company_id);

create table operator (
    id             bigint generated always as identity primary key,
    circuit_id     bigint references circuit (id),
    role           text        not null check (role in ('PLATFORM_ADMIN', 'CIRCUIT_ADMIN', 'COMPANY_ADMIN', 'STORE_OPERATOR')),
    company_id     bigint references company (id),
    store_id       bigint references store (id),
    email          text        not null,
    display_name   text        not null,
    password_hash  text        not null,
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now(),
    check ((role = 'PLATFORM_ADMIN') = (circuit_id is null)),
    check (role <> 'COMPANY_ADMIN' or company_id is not null),
    check (role <> 'STORE_OPERATOR' or store_id is not null)
);
create unique index operator_email on operator (lower(email));

create table api_key (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null references circuit (id),
    company_id    bigint      not null references company (id),
    store_id      bigint references store (id),
    name          text        not null,
    prefix        text        not null,
    secret_hash   text        not null unique,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);

create table setup_token (
    id          int primary key check (id = 1),
    token_hash  text        not null,
    created_at  timestamptz not null default now(),
    used_at     timestamptz
);

-- Replays of POST requests that carried an Idempotency-Key header.
create table idempotent_request (
    owner          text        not null,
    key            text        not null,
    request_hash   text        not null,
    status         int,
    content_type   text,
    body           bytea,
    created_at     timestamptz not null default now(),
    primary key (owner, key)
);
