-- The language a member reads (issue 13): their messages and e-mails are written in it. Empty for members who never
-- said: they get the circuit's (Italian in Italy, San Marino and the Vatican, else English).
alter table member add column language text check (language in ('IT', 'EN'));
