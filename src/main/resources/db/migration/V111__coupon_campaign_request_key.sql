-- Creating a coupon campaign is idempotent (issue 10): the API's Idempotency-Key, or the key the back office's form
-- carries, is kept with the campaign and unique in its circuit, so a retry or a double submit returns the campaign
-- already created instead of a second one.
alter table coupon_campaign add column request_key text check (length(request_key) between 1 and 200);
create unique index coupon_campaign_request on coupon_campaign (circuit_id, request_key) where request_key is not null;
