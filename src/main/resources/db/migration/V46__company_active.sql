-- A company the circuit administrator switches off: its operators and API keys are refused, its history stays.
alter table company add column active boolean not null default true;
