-- Billing (issue 11, section 5): the circuit's and companies' billing details, budget recharge requests, and
-- pro-forma invoices numbered per circuit and year without gaps.

create table circuit_billing (
    circuit_id         bigint       primary key references circuit (id),
    legal_name         text,
    vat_number         text,
    tax_code           text,
    address            text,
    invoice_email      text,
    price_per_thousand numeric(19, 4) check (price_per_thousand >= 0),
    vat_rate           numeric(5, 2) not null default 22 check (vat_rate >= 0 and vat_rate < 100),
    updated_at         timestamptz  not null default now()
);

create table company_billing (
    company_id    bigint      primary key references company (id),
    circuit_id    bigint      not null references circuit (id),
    legal_name    text,
    tax_code      text,
    address       text,
    invoice_email text,
    updated_at    timestamptz not null default now()
);

create table recharge_request (
    id           bigint generated always as identity primary key,
    circuit_id   bigint      not null references circuit (id),
    company_id   bigint      not null references company (id),
    request_key  text        not null,
    points       bigint      not null check (points > 0),
    price        numeric(19, 4) check (price >= 0),
    currency     char(3)     not null,
    note         text,
    status       text        not null check (status in ('REQUESTED', 'APPROVED', 'REFUSED', 'CANCELLED')),
    requested_by text        not null,
    requested_at timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    reason       text,
    unique (circuit_id, request_key)
);
create index recharge_request_by_company on recharge_request (circuit_id, company_id, id desc);
create index recharge_request_pending on recharge_request (circuit_id, id) where status = 'REQUESTED';

-- One row per circuit and year, locked by the transaction that issues an invoice: numbers never skip.
create table invoice_counter (
    circuit_id  bigint not null references circuit (id),
    year        int    not null,
    last_number int    not null check (last_number > 0),
    primary key (circuit_id, year)
);

create table invoice (
    id              bigint generated always as identity primary key,
    circuit_id      bigint        not null references circuit (id),
    year            int           not null,
    number          int           not null check (number > 0),
    company_id      bigint        not null references company (id),
    issued_at       timestamptz   not null,
    currency        char(3)       not null,
    vat_rate        numeric(5, 2) not null,
    net             numeric(19, 4) not null,
    vat             numeric(19, 4) not null,
    total           numeric(19, 4) not null check (total = net + vat),
    seller_name     text          not null,
    seller_vat      text,
    seller_tax_code text,
    seller_address  text,
    seller_email    text,
    buyer_name      text          not null,
    buyer_vat       text,
    buyer_tax_code  text,
    buyer_address   text,
    buyer_email     text,
    unique (circuit_id, year, number)
);
create index invoice_by_company on invoice (circuit_id, company_id, year, number);

create table invoice_line (
    invoice_id  bigint         not null references invoice (id),
    line_no     int            not null,
    circuit_id  bigint         not null references circuit (id),
    source_kind text           not null check (source_kind in ('BUDGET_RECHARGE', 'MEMBERSHIP_SALE', 'SMS_CREDITS')),
    source_id   bigint         not null,
    description text           not null,
    net         numeric(19, 4) not null,
    vat         numeric(19, 4) not null,
    primary key (invoice_id, line_no),
    unique (circuit_id, source_kind, source_id)
);
