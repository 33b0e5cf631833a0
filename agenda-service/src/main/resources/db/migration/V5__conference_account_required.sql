-- Whether registering for the conference needs a signed-in account; editions created before default to open.
alter table conference add column account_required boolean not null default false;
