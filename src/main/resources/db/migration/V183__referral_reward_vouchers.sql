-- Referral rewards as vouchers (issue 12 §4): a reward of the circuit's catalogue given to the referrer and/or the
-- friend as a voucher (no points spent), besides or instead of the points; empty: none.
alter table referral_settings
    add column referrer_reward_id bigint references reward (id),
    add column friend_reward_id   bigint references reward (id);
