-- The redeemed points already given back for partial refunds of the order that used them (never more than points).
alter table redemption add column points_back bigint not null default 0;
alter table redemption add constraint redemption_points_back check (points_back between 0 and points);
