-- A lost, stolen or damaged card is blocked with a reason and, usually, replaced by a new number for the same
-- member: the old row stays (the member's card history) and is refused wherever a card number or QR code is
-- presented. Card group and brand are filtered on the main card.
alter table card add column blocked_at timestamptz;
alter table card add column block_reason text check (block_reason in ('LOST', 'STOLEN', 'DAMAGED', 'OTHER'));
alter table card add column block_note text;
alter table card add column blocked_by text;
alter table card add column replaced_by bigint references card (id);
alter table card add constraint card_block_has_reason check ((blocked_at is null) = (block_reason is null));
alter table card add constraint card_replaced_was_blocked check (replaced_by is null or blocked_at is not null);
create index card_member on card (member_id, id);
create index card_main_group on card (circuit_id, lower(card_group)) where main and card_group is not null;
create index card_main_brand on card (circuit_id, lower(brand)) where main and brand is not null;
