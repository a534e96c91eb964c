-- Stored answers to idempotent requests are forgotten after a day; the clean-up finds them by age.
create index idempotent_request_created on idempotent_request (created_at);
