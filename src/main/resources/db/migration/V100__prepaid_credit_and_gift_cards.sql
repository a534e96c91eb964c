-- Prepaid credit and gift cards (issue 11 §2, seed 002 "Credito prepagato"). Credit a company sells lands on the
-- member's PREPAID accounts or on an anonymous gift card's GIFT_CARD accounts (owner id = the card's id) in the same
-- journal, in the circuit's currency; each sale opens lots issued by the selling company (what it paid, and the
-- bonus it funds), so clearing reads who owes whom from lot consumption like every other unit.

-- The circuit's rules: whether prepaid credit is sold at all, its validity (none by default: local law decides),
-- the amounts offered at the counter, and where it is accepted (every company, or the listed ones).
create table prepaid_settings (
    circuit_id     bigint         primary key references circuit (id),
    enabled        boolean        not null default false,
    expiry_months  int            check (expiry_months between 12 and 120),
    min_amount     numeric(19, 4) not null default 5 check (min_amount > 0),
    max_amount     numeric(19, 4) not null default 500 check (max_amount >= min_amount and max_amount <= 100000),
    fixed_amounts  numeric(19, 4)[] not null default '{}',
    accepted_at    text           not null default 'ALL' check (accepted_at in ('ALL', 'LISTED')),
    updated_at     timestamptz    not null default now()
);

create table prepaid_acceptance (
    circuit_id  bigint not null references circuit (id),
    company_id  bigint not null references company (id),
    primary key (circuit_id, company_id)
);

-- An anonymous gift card: an unguessable number with a check digit, a PIN kept only as a hash, shown once at the
-- sale. Five wrong PINs lock it for 15 minutes (counted here, under the card's row lock, on every node alike).
create table gift_card (
    id                 bigint generated always as identity primary key,
    circuit_id         bigint       not null references circuit (id),
    number             text         not null unique,
    pin_hash           text         not null,
    issuer_company_id  bigint       not null references company (id),
    member_id          bigint       references member (id),
    attached_at        timestamptz,
    expires_at         timestamptz,
    failed_pins        int          not null default 0 check (failed_pins >= 0),
    locked_until       timestamptz,
    created_at         timestamptz  not null default now()
);
create index gift_card_circuit on gift_card (circuit_id, id desc);
create index gift_card_member on gift_card (member_id) where member_id is not null;

-- One sale: what the customer paid and the bonus the seller gave, how, and the receipt (once per company: a retry
-- with the same receipt returns the first sale and writes nothing).
create table prepaid_sale (
    id              bigint generated always as identity primary key,
    circuit_id      bigint         not null references circuit (id),
    company_id      bigint         not null references company (id),
    store_id        bigint         references store (id),
    member_id       bigint         references member (id),
    gift_card_id    bigint         references gift_card (id),
    paid            numeric(19, 4) not null check (paid > 0),
    bonus           numeric(19, 4) not null default 0 check (bonus >= 0),
    currency        char(3)        not null,
    payment_method  text           not null check (payment_method in ('CASH', 'CARD', 'TRANSFER', 'ONLINE', 'OTHER')),
    receipt_number  text           not null,
    entry_id        bigint         not null references journal_entry (id),
    expires_at      timestamptz,
    actor           text           not null,
    created_at      timestamptz    not null default now(),
    check ((member_id is null) <> (gift_card_id is null)),
    unique (company_id, receipt_number)
);
create index prepaid_sale_circuit on prepaid_sale (circuit_id, id desc);
create index prepaid_sale_member on prepaid_sale (member_id) where member_id is not null;

-- Reservations and wallet payments of the new purposes; a gift card's payment names the card, not a member.
alter table hold drop constraint hold_purpose_check;
alter table hold add constraint hold_purpose_check
    check (purpose in ('POINTS', 'CASHBACK', 'DISCOUNT', 'PREPAID', 'GIFT_CARD'));
comment on column hold.member_id is 'the holder: a member, or the gift card for purpose GIFT_CARD';

alter table wallet_payment drop constraint wallet_payment_purpose_check;
alter table wallet_payment add constraint wallet_payment_purpose_check
    check (purpose in ('CASHBACK', 'DISCOUNT', 'PREPAID', 'GIFT_CARD'));
alter table wallet_payment alter column member_id drop not null;
alter table wallet_payment add column gift_card_id bigint references gift_card (id);
alter table wallet_payment add constraint wallet_payment_holder
    check ((member_id is null) <> (gift_card_id is null) and (gift_card_id is null) = (purpose <> 'GIFT_CARD'));
