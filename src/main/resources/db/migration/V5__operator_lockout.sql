-- Repeated failed sign-ins lock an operator out for a while (web and API alike).
alter table operator add column failed_sign_ins int not null default 0;
alter table operator add column locked_until timestamptz;
