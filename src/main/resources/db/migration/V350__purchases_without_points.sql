-- A past purchase brought in from elsewhere (a shop's backfill): recorded for tiers, indicators and RFM, never
-- earning points, cashback or referral rewards, whatever later reports of the same order say.
alter table purchase add column without_points boolean not null default false;
