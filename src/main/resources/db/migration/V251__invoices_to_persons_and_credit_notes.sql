-- Invoices for paid memberships (issue 11 §5): the buyer is a company of the circuit or a person (a member); the
-- document is an invoice, a simplified invoice (fattura semplificata, a person for at most 400 EUR) or a credit note
-- (nota di credito) that cancels a document whose sale was refunded. All share the circuit's series per year.
alter table invoice alter column company_id drop not null;
alter table invoice add column member_id bigint references member (id);
alter table invoice add column kind text not null default 'INVOICE'
    check (kind in ('INVOICE', 'SIMPLIFIED_INVOICE', 'CREDIT_NOTE'));
alter table invoice add column credits_invoice_id bigint unique references invoice (id);
alter table invoice add constraint invoice_one_buyer check ((company_id is null) <> (member_id is null));
alter table invoice add constraint invoice_credit_note_credits
    check ((kind = 'CREDIT_NOTE') = (credits_invoice_id is not null));
create index invoice_by_member on invoice (circuit_id, member_id, year, number) where member_id is not null;

alter table invoice_line drop constraint invoice_line_source_kind_check;
alter table invoice_line add constraint invoice_line_source_kind_check
    check (source_kind in ('BUDGET_RECHARGE', 'MEMBERSHIP_SALE', 'SMS_CREDITS', 'MEMBERSHIP_REFUND'));
