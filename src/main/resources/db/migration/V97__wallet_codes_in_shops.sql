-- Wallet money as a connected shop's single-use code (issue 11 §1): a shop code spends either points held by a
-- redemption or money of a wallet held by a wallet payment, never both. The purpose is not listed here, so a money
-- purpose added later needs no change. A wallet payment records how much of it refunds gave back.
alter table wallet_payment add column amount_back numeric(19, 4) not null default 0 check (amount_back >= 0);

alter table shop_code alter column redemption_id drop not null;
alter table shop_code add column wallet_payment_id bigint references wallet_payment (id);
alter table shop_code add column purpose text not null default 'POINTS';
alter table shop_code drop constraint shop_code_points_check;
alter table shop_code add constraint shop_code_spends_one check (
    (purpose = 'POINTS' and redemption_id is not null and wallet_payment_id is null and points > 0)
    or (purpose <> 'POINTS' and wallet_payment_id is not null and redemption_id is null and points = 0));
create index shop_code_order on shop_code (connection_id, order_id) where order_id is not null;
