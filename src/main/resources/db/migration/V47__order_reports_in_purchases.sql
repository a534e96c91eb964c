-- One order state machine, in purchases: what a shop's deliveries reported of each order (merged: the newer report
-- wins by the shop's version or by how far the order has gone, refunds accumulate by id) belongs to the purchases
-- module, keyed like its purchases by channel ('platform:connection id') and order id. A rename: every row is kept.
alter table shop_order rename to reported_order;
alter table reported_order add column channel text;
update reported_order r set channel = lower(c.platform) || ':' || c.id from shop_connection c where c.id = r.connection_id;
alter table reported_order alter column channel set not null;
alter table reported_order drop constraint shop_order_pkey;
alter table reported_order add primary key (channel, order_id);
alter table reported_order drop column connection_id;
