-- A purchase line's category as the till or shop reports it, for promotions on categories (issue 12 §2).
alter table purchase_line add column category text;
