-- Landing pages (issue 13 §5): pages of blocks in Italian and English published at /c/{circuit}/p/{slug}, their
-- uploaded images, and visits and conversions counted once per visitor and day.
create table landing_image (
    id           bigint generated always as identity primary key,
    circuit_id   bigint      not null references circuit (id),
    content_type text        not null,
    bytes        bytea       not null,
    created_at   timestamptz not null
);

create table landing_page (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    company_id  bigint      references company (id),
    slug        text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
    title_it    text        not null,
    title_en    text        not null,
    published   boolean     not null default false,
    request_key text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (circuit_id, slug),
    unique (circuit_id, request_key)
);

create table landing_block (
    page_id     bigint   not null references landing_page (id) on delete cascade,
    position    smallint not null,
    kind        text     not null check (kind in ('TITLE', 'TEXT', 'IMAGE', 'ACTION')),
    text_it     text     not null default '',
    text_en     text     not null default '',
    image_id    bigint   references landing_image (id),
    action      text     check (action in ('JOIN', 'COUPON', 'BOOK')),
    bookable_id bigint   references bookable (id),
    primary key (page_id, position)
);

create table landing_visit (
    page_id bigint not null references landing_page (id) on delete cascade,
    day     date   not null,
    visitor text   not null,
    primary key (page_id, day, visitor)
);

create table landing_conversion (
    page_id bigint not null references landing_page (id) on delete cascade,
    day     date   not null,
    visitor text   not null,
    action  text   not null check (action in ('JOIN', 'COUPON', 'BOOK')),
    primary key (page_id, day, visitor, action)
);
