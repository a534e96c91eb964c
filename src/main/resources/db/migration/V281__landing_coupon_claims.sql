-- A landing page's "claim a coupon" button names the coupon campaign a visitor claims a code of (issue 13); without
-- one it leads to the customer's coupons, as before. A campaign offered on a page is kept (no delete cascades).
alter table landing_block add column campaign_id bigint references coupon_campaign (id);
