-- Copies of other services' data that notifications need, fed by events (never asked for synchronously).

create table conference (
    conference_id  text        primary key,
    title          text        not null,
    city           text        not null,
    time_zone      text        not null,           -- IANA zone of the venue
    start_date     date        not null,
    end_date       date        not null,
    changed_at     timestamptz not null            -- time of the event that wrote this copy: an older one never overwrites it
);

create table recipient (
    registration_id          text        primary key,
    conference_id            text        not null,
    given_name               text        not null,
    family_name              text        not null,
    email                    text        not null,
    phone                    text,                  -- E.164
    correspondence_language  text        not null,  -- BCP 47 tag as the delegate chose it
    changed_at               timestamptz not null
);

-- One row per message to one recipient over one channel: the work queue of the dispatcher and the
-- delivery log. No foreign keys to the copies above: an event may arrive before the data it refers to,
-- and the notification waits for it.
create table notification (
    id               uuid        primary key,
    event_id         text        not null,          -- CloudEvents id of the event that caused it
    recipient_id     text        not null,          -- registration id
    conference_id    text        not null,
    channel          text        not null check (channel in ('EMAIL')),
    template         text        not null,
    language         text        not null,          -- the language it is (to be) written in, after English fallback
    parameters       jsonb       not null default '{}', -- facts from the causing event that the template shows
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer     not null default 0,
    created_at       timestamptz not null default now(),
    next_attempt_at  timestamptz default now(),     -- null once nothing more will be attempted
    sent_at          timestamptz,
    last_error       text,
    -- However often an event is delivered, it can never cause a second message to the same recipient.
    unique (event_id, recipient_id, channel)
);

create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_recipient on notification (recipient_id, created_at desc);
