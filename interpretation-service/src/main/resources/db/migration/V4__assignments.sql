-- The current interpretation plan, booth coverage and organisers' bookings. Only the planner loop writes
-- assignment and booth_coverage, one conference at a time (advisory lock), replacing them in one transaction.

create table assignment (
    session_id      text        not null,
    conference_id   text        not null,
    booth_language  text        not null,   -- BCP 47: the language the booth interprets into
    interpreter_id  text        not null,
    relay_language  text,                   -- the pivot booth they take relay from, or null
    assigned_at     timestamptz not null,   -- when they first joined this booth; kept across re-plans
    primary key (session_id, booth_language, interpreter_id)
);
create index assignment_by_conference on assignment (conference_id);
create index assignment_by_interpreter on assignment (interpreter_id);

create table booth_coverage (
    session_id         text        not null,
    conference_id      text        not null,
    booth_language     text        not null,
    status             text        not null check (status in ('COVERED', 'AT_RISK', 'UNCOVERED')),
    team               text[]      not null,   -- interpreter ids
    team_size          integer     not null,   -- interpreters the booth needs
    relay_language     text,
    reason             text,
    changed_at         timestamptz not null,
    -- When and where the session was when this booth was planned: tells a moved session from a re-plan.
    planned_starts_at  timestamptz not null,
    planned_ends_at    timestamptz not null,
    planned_room_id    text,
    primary key (session_id, booth_language)
);
create index booth_coverage_by_conference on booth_coverage (conference_id, status);

create table interpretation_request (
    request_id       text        primary key,
    conference_id    text        not null,
    session_id       text        not null,
    languages        text[]      not null,
    status           text        not null check (status in ('CONFIRMED', 'UNFULFILLABLE')),
    reasons          jsonb       not null default '[]',
    requested_at     timestamptz not null,
    idempotency_key  text,                    -- the client's Idempotency-Key header, or null
    unique (conference_id, idempotency_key)
);
create index interpretation_request_by_conference on interpretation_request (conference_id, requested_at);
create index interpretation_request_confirmed on interpretation_request (session_id) where status = 'CONFIRMED';
