-- Imports of members and opening balances from another loyalty system (issue 17 §1).
-- The file is kept until its run ends (a restart resumes from next_line); refused rows keep their line.
create table import_job (
    id                 bigint generated always as identity primary key,
    circuit_id         bigint      not null references circuit (id),
    file_hash          text        not null,
    file_name          text        not null,
    source             text        not null,
    company_id         bigint references company (id),
    points_expire_on   date,
    content            bytea,
    status             text        not null check (status in ('QUEUED', 'RUNNING', 'DONE')),
    total_rows         integer     not null,
    next_line          integer     not null default 0,
    imported           integer     not null default 0,
    refused            integer     not null default 0,
    points             bigint      not null default 0,
    created_by         text        not null,
    created_at         timestamptz not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    unique (circuit_id, file_hash)
);
create index import_job_due on import_job (id) where status <> 'DONE';

create table import_refusal (
    circuit_id  bigint  not null,
    job_id      bigint  not null references import_job (id),
    line        integer not null,
    reasons     text    not null,
    raw         text    not null,
    primary key (job_id, line)
);
