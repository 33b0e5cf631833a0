-- The interpreter roster: who can work into and from which language, and when.

create table interpreter (
    interpreter_id           text        primary key,
    given_name               text        not null,
    family_name              text        not null,
    email                    text        not null unique,
    phone                    text,                     -- E.164
    correspondence_language  text        not null,     -- BCP 47: the language they are written to in
    home_room_id             text,                     -- the room they prefer to work in, or null
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);

create table interpreter_language (
    interpreter_id  text not null references interpreter on delete cascade,
    language        text not null,                           -- BCP 47
    class           text not null check (class in ('A', 'B', 'C')),
    primary key (interpreter_id, language)
);

-- Days an interpreter can work (the venue's calendar days). No row for a day: not available that day.
create table interpreter_availability (
    interpreter_id  text not null references interpreter on delete cascade,
    available_on    date not null,
    primary key (interpreter_id, available_on)
);
