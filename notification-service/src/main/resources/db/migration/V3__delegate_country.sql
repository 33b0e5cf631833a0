-- A delegate's country gives their clock when it has a single time zone and they have not chosen one.
alter table delegate add column country_code text;
