-- Which bonus points count as points earned (member_activity.points, what tiers, badges and scores read) besides
-- purchases, actions and manual adjustments: promotions', referrals' (rewards and multi-level). None unless the
-- circuit chooses, as before this column.
alter table tier_policy add column bonus_points text[] not null default '{}'
    check (bonus_points <@ array['PROMOTIONS', 'REFERRALS']);
