-- SMS sent by companies to their customers (issue 13 §3), paid in SMS credits (the ledger's purpose SMS: a
-- company's SMS_CREDITS account, recharged from SMS_ISSUANCE by the circuit, spent into SMS_SPENT). Each message is
-- written with the debit of the whole send, then sent by a job through the configured gateway; one the gateway
-- refuses gives its credits back.
create table sms_message (
    id          bigint generated always as identity primary key,
    circuit_id  bigint      not null references circuit (id),
    company_id  bigint      not null references company (id),
    member_id   bigint      not null references member (id),
    send_key    text        not null check (length(send_key) between 1 and 100),
    phone       text        not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    body        text        not null check (length(body) between 1 and 1600),
    segments    int         not null check (segments between 1 and 10),
    status      text        not null check (status in ('QUEUED', 'SENT', 'FAILED')),
    provider_id text,
    error       text,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    unique (circuit_id, company_id, send_key, member_id)
);
create index sms_message_queued on sms_message (id) where status = 'QUEUED';
create index sms_message_company on sms_message (circuit_id, company_id, id desc);
