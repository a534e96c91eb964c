-- How far the WooCommerce reconciliation has read a shop's orders (their modification time, GMT).
alter table shop_connection add column reconciled_until timestamptz;
