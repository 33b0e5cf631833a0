-- Which user accounts (token sub) may read a recipient's notifications and change their preferences: for a
-- delegate the accounts registration-service links to the registration (the delegate's own, the delegation's
-- focal point's), for an interpreter the account interpretation-service records on the roster entry. Each new
-- link event replaces the recipient's set.
create table recipient_account (
    recipient_id  text not null,                    -- registration id or interpreter id
    account_id    text not null,
    primary key (recipient_id, account_id)
);

create index recipient_account_by_account on recipient_account (account_id);
