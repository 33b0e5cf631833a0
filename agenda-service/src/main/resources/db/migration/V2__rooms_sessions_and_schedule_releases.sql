create table room (
    id             text    primary key,
    conference_id  text    not null references conference (id),
    name           text    not null,
    capacity       integer not null,
    booths         integer not null,   -- interpretation booths
    accessible     boolean not null,
    constraint room_capacity check (capacity >= 1),
    constraint room_booths check (booths >= 0)
);

-- "Hall B" and "hall b" are one room to the people walking the venue.
create unique index room_name_per_conference on room (conference_id, lower(name));

-- The organisers' working copy of the programme. Nobody outside the secretariat sees it: a release
-- copies it into released_session, comparing each row with its released state.
create table session_draft (
    id                        text        primary key,
    conference_id             text        not null references conference (id),
    type                      text        not null,
    region                    text,
    titles                    jsonb       not null,   -- BCP 47 tag -> title
    room_id                   text        references room (id),
    starts_at                 timestamptz not null,
    ends_at                   timestamptz not null,
    floor_languages           text[]      not null,
    interpretation_languages  text[]      not null,
    speakers                  text[]      not null,
    capacity                  integer,
    enrolment_required        boolean     not null,
    cancelled                 boolean     not null default false,
    cancellation_reason       text,
    constraint session_draft_ends_after_it_starts check (ends_at > starts_at),
    constraint session_draft_capacity check (capacity is null or capacity >= 1)
);

create index session_draft_by_conference on session_draft (conference_id, starts_at);
create index session_draft_by_room on session_draft (room_id, starts_at) where not cancelled;

-- The programme delegates, enrolment and calendar feeds see. Written only by schedule releases;
-- sequence counts the released changes of a session (iCalendar SEQUENCE), schedule_version is the
-- release that last changed it.
create table released_session (
    session_id                text        primary key,
    conference_id             text        not null references conference (id),
    type                      text        not null,
    region                    text,
    titles                    jsonb       not null,
    room_id                   text,
    room_name                 text,
    starts_at                 timestamptz not null,
    ends_at                   timestamptz not null,
    floor_languages           text[]      not null,
    interpretation_languages  text[]      not null,
    speakers                  text[]      not null,
    capacity                  integer,
    enrolment_required        boolean     not null,
    cancelled                 boolean     not null,
    cancellation_reason       text,
    schedule_version          integer     not null,
    sequence                  integer     not null
);

create index released_session_by_conference on released_session (conference_id, starts_at);

create table schedule_release (
    conference_id  text        not null references conference (id),
    version        integer     not null,
    released_at    timestamptz not null,
    changelog      jsonb       not null,   -- [{sessionId, kind, summary, from, to}]
    primary key (conference_id, version),
    constraint schedule_release_version check (version >= 1)
);
