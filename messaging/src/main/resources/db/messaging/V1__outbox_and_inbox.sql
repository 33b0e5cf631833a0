-- Owned by the messaging module, in its own schema with its own Flyway history, so a service's
-- migrations and these never collide.

create table outbox_event (
    position        bigserial primary key,          -- relay order: per aggregate, events leave in the order they were written
    event_id        uuid        not null unique,    -- CloudEvents id
    topic           text        not null,
    message_key     text        not null,           -- aggregate id: Kafka key and CloudEvents subject
    event_type      text        not null,
    source          text        not null,
    occurred_at     timestamptz not null,
    payload         text        not null,           -- the JSON exactly as it will be sent
    created_at      timestamptz not null default now(),
    published_at    timestamptz,
    attempts        integer     not null default 0,
    last_error      text
);

-- The relay only ever reads the backlog; a partial index keeps that cheap however large the table grows.
create index outbox_event_backlog on outbox_event (position) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

create table inbox_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    received_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
