-- An anonymous gift card spent in a connected shop (issue 11 §2): the shopper gives the card's number and PIN, a
-- single-use code of the shop is made for what the card pays, held on the card's own accounts. Such a code belongs to
-- no member (the wallet payment names the card), and the order that uses it settles it whoever placed it.
alter table shop_code alter column member_id drop not null;
alter table shop_code add constraint shop_code_holder check (member_id is not null or purpose = 'GIFT_CARD');
create index shop_code_gift_card on shop_code (connection_id, wallet_payment_id) where member_id is null;
