-- Each node (and each start) prints its own set-up token and keeps only its hash here; any printed token is
-- valid until set-up is done, so a second node starting never invalidates the token the first one printed.
alter table setup_token drop column id, add primary key (token_hash);
