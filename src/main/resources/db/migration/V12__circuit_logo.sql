-- A circuit's logo, uploaded by its administrator and served by the application (pages allow same-origin images only).
create table circuit_logo (
    circuit_id    bigint primary key references circuit (id),
    content_type  text        not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    bytes         bytea       not null,
    sha256        text        not null,
    updated_at    timestamptz not null default now()
);
