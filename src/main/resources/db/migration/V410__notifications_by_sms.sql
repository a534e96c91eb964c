-- Notifications by SMS (issue 13 §1, the "channel" of "a template per language and channel"). Each kind has an SMS
-- switch beside its e-mail one (off until the circuit turns it on). An SMS template is a body only, so the subject of
-- a template is kept for e-mail alone.
alter table notification_setting add column sms boolean not null default false;
alter table notification_template alter column subject drop not null;
alter table notification_template add constraint notification_template_subject_for_email
    check (channel = 'SMS' or subject is not null);

-- A notification's SMS goes through the circuit's own gateway and is paid by the circuit, not from a company's SMS
-- credits: it is written with no company and the notification it tells (its kind), once per member and business key.
alter table sms_message alter column company_id drop not null;
alter table sms_message add column notification_kind text check (notification_kind ~ '^[A-Z_]{3,40}$');
alter table sms_message add constraint sms_message_company_or_notification
    check ((company_id is null) = (notification_kind is not null));
create unique index sms_message_notification_once on sms_message (circuit_id, send_key, member_id)
    where company_id is null;
create index sms_message_notifications on sms_message (circuit_id, id desc) where company_id is null;
