-- Members (contacts), their consents, external ids per shop connection, and loyalty cards.
create table member (
    id                  bigint generated always as identity primary key,
    circuit_id          bigint      not null references circuit (id),
    first_name          text,
    last_name           text,
    email               text,
    phone               text,
    birth_date          date,
    gender              text check (gender in ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
    city                text,
    postcode            text,
    preferred_store_id  bigint references store (id),
    enrolled_company_id bigint references company (id),
    enrolled_store_id   bigint references store (id),
    created_at          timestamptz not null default now(),
    unique (circuit_id, id)
);
create unique index member_email_per_circuit on member (circuit_id, lower(email)) where email is not null;
create index member_phone on member (circuit_id, phone) where phone is not null;
create index member_name on member (circuit_id, lower(last_name), lower(first_name));

-- Which companies a member has a relationship with (enrolment or activity): used when companies are kept apart.
create table member_company (
    circuit_id  bigint      not null,
    member_id   bigint      not null references member (id),
    company_id  bigint      not null references company (id),
    since       timestamptz not null default now(),
    primary key (member_id, company_id)
);
create index member_company_company on member_company (company_id, member_id);

create table member_external_id (
    circuit_id   bigint not null,
    connection   text   not null,
    external_id  text   not null,
    member_id    bigint not null references member (id),
    primary key (circuit_id, connection, external_id)
);

-- Consent history: append-only; the current state of a kind is its latest row.
create table consent (
    id            bigint generated always as identity primary key,
    circuit_id    bigint      not null,
    member_id     bigint      not null references member (id),
    kind          text        not null check (kind in ('PRIVACY', 'MARKETING', 'NEWSLETTER')),
    granted       boolean     not null,
    text_version  text        not null,
    source        text        not null,
    recorded_at   timestamptz not null default now()
);
create index consent_member on consent (member_id, kind, id desc);

create table card (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    member_id   bigint      not null references member (id),
    number      text        not null,
    qr_payload  text        not null unique,
    main        boolean     not null default true,
    card_group  text,
    brand       text,
    issued_at   timestamptz not null default now(),
    unique (circuit_id, number)
);
create unique index card_main_per_member on card (member_id) where main;
