-- Whether shop orders earn on tax and shipping too; by default points are earned on the goods after discounts only.
alter table program_settings add column earn_on_tax_and_shipping boolean not null default false;
