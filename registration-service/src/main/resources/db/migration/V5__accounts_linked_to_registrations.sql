-- Whether registering needs an account, from ConferenceScheduled. Conferences recorded before this column
-- existed keep accepting anonymous registrations, as they did.
alter table conference add column account_required boolean not null default false;

-- The account (the token's sub) of the focal point heading a delegation: the only account besides the
-- secretariat that may read and register its members. Null for delegations formed before accounts existed.
alter table delegation add column focal_point_account_id text;
create index delegation_by_focal_point on delegation (focal_point_account_id)
    where focal_point_account_id is not null;

-- The accounts that may act for a registration. DELEGATE is the delegate's own account (the only one besides
-- the visa desk that reads the passport data); FOCAL_POINT the account of its delegation's focal point.
create table registration_account (
    registration_id  text not null references registration (registration_id) on delete cascade,
    account_id       text not null,
    link             text not null check (link in ('DELEGATE', 'FOCAL_POINT')),
    primary key (registration_id, account_id, link)
);
create index registration_account_by_account on registration_account (account_id);
