-- Points redeemed on an order that is later cancelled come back: the reservation ends REFUNDED.
alter table hold drop constraint hold_status_check;
alter table hold add constraint hold_status_check check (status in ('HELD', 'CAPTURED', 'RELEASED', 'REFUNDED'));
