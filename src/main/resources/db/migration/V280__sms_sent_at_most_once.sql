-- An SMS goes out at most once (issue 13). Twilio's Messages API has no idempotency key, so the sender marks a message
-- SENDING in a committed transaction of its own before asking the gateway, and SENT (with the gateway's id) or FAILED
-- after the answer. A message found SENDING when the job starts again was left by a node that died in between: it is
-- not sent again but marked UNKNOWN for the company's administrator to check (with the gateway's message list) and
-- settle as sent or not sent (then its credits are given back).
alter table sms_message drop constraint sms_message_status_check;
alter table sms_message add constraint sms_message_status_check
    check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN'));
alter table sms_message add column sending_at timestamptz;
alter table sms_message add column settled_by text;
create index sms_message_unsettled on sms_message (circuit_id, company_id, id) where status in ('SENDING', 'UNKNOWN');
