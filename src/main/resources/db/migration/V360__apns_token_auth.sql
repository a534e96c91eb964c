-- Token-based pushes to APNs (issue 17 §3): the circuit's APNs authentication key (.p8, encrypted by the application)
-- with its key id and team id, as an alternative to the pass certificate for pushes; and the provider token signed
-- with it, kept with when it was issued so that every node reuses it (Apple refuses a new token more often than every
-- 20 minutes and an older one than 60).
alter table pass_settings
    add column apple_push_key       bytea,        -- PKCS#8 P-256 private key, encrypted
    add column apple_push_key_id    varchar(10),
    add column apple_push_team_id   varchar(10),
    add column apple_push_token     bytea,        -- the current provider token (a JWT), encrypted
    add column apple_push_token_at  timestamptz;
