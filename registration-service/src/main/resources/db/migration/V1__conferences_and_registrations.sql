-- Copy of agenda-service's conferences, fed by ConferenceScheduled: what registration needs to
-- enforce the window and the capacity without calling agenda-service.
create table conference (
    conference_id        text primary key,
    title                text        not null,
    time_zone            text        not null,
    registration_opens   timestamptz not null,
    registration_closes  timestamptz not null,
    capacity             integer     not null,
    -- Places held by pending and approved delegates. Incremented with a guarded update so concurrent
    -- registrations can never exceed the capacity.
    places_taken         integer     not null default 0
);

create table registration (
    registration_id          text primary key,
    conference_id            text        not null references conference (conference_id),
    status                   text        not null,
    given_name               text        not null,
    family_name              text        not null,
    email                    text        not null,
    phone                    text,
    organisation             text,
    position                 text,
    category                 text        not null,
    country_code             char(2)     not null,
    region                   text        not null,
    city                     text,
    correspondence_language  text        not null,
    listening_languages      text[]      not null,
    accessibility_needs      text,
    dietary_needs            text,
    delegation_id            text,
    registered_at            timestamptz not null
);

-- One live registration per e-mail address and conference; a withdrawn one does not block a new one.
create unique index registration_one_per_email
    on registration (conference_id, lower(email)) where status <> 'WITHDRAWN';
create index registration_search on registration (conference_id, status, category, country_code);

-- Idempotency-Key of POST /registrations: a retried request returns the registration it created.
create table idempotency_key (
    conference_id        text        not null,
    idempotency_key      text        not null,
    request_fingerprint  text        not null,
    registration_id      text,
    created_at           timestamptz not null default now(),
    primary key (conference_id, idempotency_key)
);
