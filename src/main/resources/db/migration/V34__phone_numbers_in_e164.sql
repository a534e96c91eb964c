-- Phone numbers are kept in E.164 (+393331234524), read with the circuit's default country, so "3331234524" and
-- "+39 333 123 4524" are the same number for enrolment checks and look-ups. Every circuit so far was Italian.
alter table circuit add column default_country char(2) not null default 'IT'
    check (default_country ~ '^[A-Z]{2}$');

-- Phones were stored as typed, less spaces and punctuation, with 00 turned into +: a national number gains +39.
update member set phone = '+39' || phone where phone is not null and phone !~ '^\+';

-- the lookup index member_phone (circuit_id, phone) of V2 serves the normalised numbers as they are
