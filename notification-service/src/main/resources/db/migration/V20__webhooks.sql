-- Partner webhooks: who wants which public events at which URL, and what became of every delivery.

create table webhook_subscription (
    id               uuid        primary key,
    url              text        not null,
    event_types      text[]      not null,          -- CloudEvents types, all on public topics
    secret           text        not null,          -- whsec_<base64>: needed in clear to sign, never shown again after creation
    description      text,
    status           text        not null check (status in ('ACTIVE', 'DISABLED')),
    created_at       timestamptz not null default now(),
    disabled_at      timestamptz,
    disabled_reason  text
);

create index webhook_subscription_by_event_type on webhook_subscription using gin (event_types) where status = 'ACTIVE';

-- One row per event that at least one subscription wanted: the CloudEvents JSON document exactly as
-- partners receive it, so every retry to every subscriber signs and sends the same bytes.
create table webhook_event (
    event_id     text        primary key,           -- CloudEvents id
    event_type   text        not null,
    document     text        not null,
    received_at  timestamptz not null default now()
);

-- One event to one subscription: the dispatcher's queue and the delivery history.
create table webhook_delivery (
    id               uuid        primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_id         text        not null references webhook_event (event_id),
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         integer     not null default 0,
    created_at       timestamptz not null default clock_timestamp(),
    next_attempt_at  timestamptz,                   -- null once nothing more will be attempted
    locked_until     timestamptz,                   -- lease of the dispatcher attempting it; lapses if that instance dies
    finished_at      timestamptz,
    -- However often an event is consumed, a subscription receives it once.
    unique (subscription_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_history on webhook_delivery (subscription_id, created_at desc);

create table webhook_attempt (
    delivery_id      uuid        not null references webhook_delivery (id) on delete cascade,
    number           integer     not null,
    attempted_at     timestamptz not null,
    duration_ms      bigint      not null,
    http_status      integer,                       -- null when no response came (timeout, refused connection or address)
    error            text,
    outcome          text        not null check (outcome in ('DELIVERED', 'RETRY', 'FAILED', 'GONE')),
    next_attempt_at  timestamptz,
    primary key (delivery_id, number)
);
