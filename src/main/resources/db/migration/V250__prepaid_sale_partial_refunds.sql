-- Several refunds per prepaid sale (issue 11 §2): part of the unspent remainder now, more later, until nothing is
-- left. Each refund is recorded once for its request key (the API's Idempotency-Key, the page form's own key): a
-- retry answers the refund recorded first. A request without a key is once per sale and kind, as before.
alter table prepaid_sale_reversal drop constraint prepaid_sale_reversal_sale_id_key;
alter table prepaid_sale_reversal add column request_key text check (length(request_key) between 1 and 200);
create unique index prepaid_sale_reversal_once on prepaid_sale_reversal (sale_id, kind, coalesce(request_key, ''));
