-- Imports of past purchases beside members' (issue 17 §1): what a file holds, and whether its purchases earn points.
-- The same file is the same import per kind (a members' file and a purchases' file never share a job).
alter table import_job add column kind text not null default 'MEMBERS' check (kind in ('MEMBERS', 'PURCHASES'));
alter table import_job add column earn_points boolean not null default false;
alter table import_job drop constraint import_job_circuit_id_file_hash_key;
alter table import_job add constraint import_job_circuit_kind_file unique (circuit_id, kind, file_hash);
