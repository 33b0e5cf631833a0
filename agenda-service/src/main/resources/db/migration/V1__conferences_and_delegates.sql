create table conference (
    id                   text        primary key,
    title                text        not null,
    city                 text        not null,
    country_code         char(2)     not null,
    venue                text        not null,
    time_zone            text        not null,   -- IANA id; local times are derived from the stored instants
    start_date           date        not null,
    end_date             date        not null,
    languages            text[]      not null,   -- BCP 47 tags, in the order the secretariat gave them
    registration_opens   timestamptz not null,
    registration_closes  timestamptz not null,
    capacity             integer     not null,
    created_at           timestamptz not null default now(),
    constraint conference_ends_after_it_starts check (end_date >= start_date),
    constraint conference_registration_window check (registration_opens < registration_closes),
    constraint conference_capacity check (capacity >= 1)
);

create index conference_by_start_date on conference (start_date, id);

-- Copy of registration-service's delegates, fed by registration.delegates.v1. No foreign key to
-- conference: the replica mirrors what registration-service says, in the order it said it.
create table delegate (
    registration_id      text        primary key,
    conference_id        text        not null,
    status               text        not null,
    listening_languages  text[]      not null,
    registered_at        timestamptz not null
);

create index delegate_by_conference on delegate (conference_id);
