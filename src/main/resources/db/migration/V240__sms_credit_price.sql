-- The circuit's price of one SMS credit (issue 11 §5): each SMS-credit recharge is invoiced at it; none, not invoiced.
alter table circuit_billing add column sms_credit_price numeric(19, 4) check (sms_credit_price >= 0);
