-- The interpreter's user account (the access token's subject), set by the coordinator. It lets an interpreter read
-- their own entry and schedule, and notification-service show them their own notifications. One account is one
-- interpreter, so it is unique; null (no account linked yet) may repeat.
alter table interpreter add column account_id text;

create unique index interpreter_account on interpreter (account_id);
