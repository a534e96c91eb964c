-- Stores' signing keys are sealed at rest (shared.SecretBox with loyaltyhub.purchases.key, bound to their store): new
-- keys are written sealed; a key stored in the clear before is sealed by the app at start (purchases.internal
-- StoreKeySealing), keeping the same bytes, so receipt codes already printed stay verifiable. Exactly one form is set.
alter table store_key add column sealed bytea;
alter table store_key alter column secret drop not null;
alter table store_key add constraint store_key_one_form check ((secret is null) <> (sealed is null));
