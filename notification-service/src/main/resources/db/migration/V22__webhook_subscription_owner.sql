-- The client (token sub) that created a subscription: a partner sees and deletes only its own. Subscriptions
-- created before owners were recorded have none, and only operations staff see them.
alter table webhook_subscription add column owner text;

create index webhook_subscription_by_owner on webhook_subscription (owner, created_at desc);
