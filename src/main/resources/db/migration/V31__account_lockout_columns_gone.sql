-- Failed sign-ins are counted per account and network address in attempt_counter (V30): an account is no longer
-- locked as a whole, so its own counters go.
alter table operator drop column failed_sign_ins, drop column locked_until;
alter table customer_account drop column failed_sign_ins, drop column locked_until;
