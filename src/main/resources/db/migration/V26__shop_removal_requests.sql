-- A shop's request to be forgotten (Shopify's shop/redact) no longer erases the connection at once: it is recorded
-- with who asked and when, and a scheduled job erases the connection once the removal is due.
alter table shop_connection
    add column removal_requested_at timestamptz,
    add column removal_requested_by text,
    add column removal_due_at       timestamptz,
    add column erased_at            timestamptz;
create index shop_connection_removal_due on shop_connection (removal_due_at) where removal_due_at is not null and erased_at is null;
