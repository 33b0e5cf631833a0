-- The accounts (token subjects) that may act for a registration, fed by registration.accounts.internal.v1.
-- The latest event per registration replaces its rows; a registration nobody may act for has none.
create table registration_account (
    registration_id  text not null,
    account_id       text not null,
    primary key (registration_id, account_id)
);
