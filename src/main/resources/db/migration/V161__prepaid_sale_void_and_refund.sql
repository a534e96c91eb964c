-- Undoing a prepaid sale (issue 11 §2): a mistaken sale at the counter is voided while its credit is untouched and
-- within the circuit's window (24 hours unless the circuit says otherwise); an unspent remainder is refunded where the
-- law allows. Either is a new journal entry (the void reverses the sale's entry, the refund takes the remainder back
-- to the accounts the credit came from), recorded once per sale: a retry answers the same row.
alter table prepaid_settings add column void_window_hours int not null default 24
    check (void_window_hours between 1 and 720);

create table prepaid_sale_reversal (
    id          bigint generated always as identity primary key,
    circuit_id  bigint         not null references circuit (id),
    sale_id     bigint         not null unique references prepaid_sale (id),
    kind        text           not null check (kind in ('VOID', 'REFUND')),
    amount      numeric(19, 4) not null check (amount > 0),
    currency    char(3)        not null,
    reason      text           not null check (length(reason) between 1 and 500),
    entry_id    bigint         not null references journal_entry (id),
    actor       text           not null,
    created_at  timestamptz    not null
);

create trigger prepaid_sale_reversal_frozen before update or delete on prepaid_sale_reversal
    for each row execute function refuse_change();
