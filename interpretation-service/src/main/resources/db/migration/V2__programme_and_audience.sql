-- Copies of agenda-service's and registration-service's facts that planning and receiver demand need, fed by events.

create table conference (
    conference_id  text        primary key,
    time_zone      text        not null,   -- IANA zone of the venue: days and weeks are counted on its clocks
    start_date     date        not null,
    end_date       date        not null,
    languages      text[]      not null,   -- official languages, BCP 47
    changed_at     timestamptz not null
);

-- Released sessions as the latest schedule release describes them (ScheduleReleased.sessions).
create table session (
    session_id                text        primary key,
    conference_id             text        not null,
    schedule_version          integer     not null,
    sequence                  integer     not null,   -- iCalendar SEQUENCE, as agenda-service counts it
    titles                    jsonb       not null,
    starts_at                 timestamptz not null,
    ends_at                   timestamptz not null,
    room_id                   text,
    room_name                 text,
    room_booths               integer,                -- null: no room, so no booths (a study visit)
    floor_languages           text[]      not null,
    interpretation_languages  text[]      not null,
    enrolment_required        boolean     not null,
    cancelled                 boolean     not null
);
create index session_by_conference on session (conference_id, starts_at);

-- Delegates' status: receiver demand counts approved delegates (listening languages: listening_language, V1).
create table delegate (
    registration_id  text        primary key,
    conference_id    text        not null,
    status           text        not null,   -- PENDING, WAITLISTED, APPROVED, REJECTED, WITHDRAWN
    changed_at       timestamptz not null
);

create table enrolment (
    session_id       text        not null,
    registration_id  text        not null,
    status           text        not null,   -- CONFIRMED, WAITLISTED, CANCELLED
    changed_at       timestamptz not null,
    primary key (session_id, registration_id)
);

-- A conference whose interpretation plan must be made again: its programme, the roster or a booking changed.
-- Whoever changes something inserts (or refreshes) the row in their transaction; the planner takes it.
create table replan_request (
    conference_id  text        primary key,
    requested_at   timestamptz not null default now()
);
