-- Recipients are delegates (keyed by registration id) and interpreters (keyed by interpreter id).
alter table recipient rename column registration_id to recipient_id;
alter table recipient add column kind text not null default 'DELEGATE' check (kind in ('DELEGATE', 'INTERPRETER'));
alter table recipient alter column conference_id drop not null;   -- an interpreter works for several conferences
alter table recipient alter column kind drop default;

-- What a recipient wants. No row means the defaults: every channel on, no zone of their own.
-- Critical messages (a session of theirs cancelled or moved at short notice) ignore the channel switches.
create table notification_preference (
    recipient_id     text        primary key,
    email_enabled    boolean     not null,
    sms_enabled      boolean     not null,
    in_app_enabled   boolean     not null,
    time_zone        text,                      -- IANA zone the recipient reads times in, besides the venue's
    updated_at       timestamptz not null default now()
);

-- Each notification is one message to one recipient over one channel.
alter table notification drop constraint notification_channel_check;
alter table notification add constraint notification_channel_check check (channel in ('EMAIL', 'SMS', 'IN_APP'));
alter table notification add column recipient_kind text not null default 'DELEGATE'
    check (recipient_kind in ('DELEGATE', 'INTERPRETER'));
alter table notification alter column recipient_kind drop default;
alter table notification add column critical boolean not null default false;
alter table notification add column provider text;              -- who accepted it: smtp, or the SMS provider's name
alter table notification add column provider_message_id text;   -- the provider's own id, for support requests
alter table notification add column session_id text;          -- the session a message is about: it waits for the session's copy
alter table notification add column waits_for_badge boolean not null default false;  -- the approval e-mail carries the badge
alter table notification add column title text;                 -- in-app messages keep their text: the feed shows it
alter table notification add column body text;
-- In-app feed order. The transaction id lets the feed read a row only once every transaction that
-- could still commit an earlier one has ended (see InAppFeed), so no row is ever skipped.
alter table notification add column feed_sequence bigint;
alter table notification add column feed_xid xid8;
create sequence notification_feed_sequence;
create index notification_feed on notification (feed_xid) where channel = 'IN_APP' and feed_xid is not null;
create index notification_feed_by_recipient on notification (recipient_id, feed_sequence)
    where channel = 'IN_APP' and feed_sequence is not null;

-- Who is affected by what: copies of the registration, agenda and interpretation facts that decide the audience.
create table delegate (
    registration_id  text        primary key,
    conference_id    text        not null,
    status           text        not null,      -- PENDING, WAITLISTED, APPROVED, REJECTED, WITHDRAWN
    changed_at       timestamptz not null
);
create index delegate_by_conference on delegate (conference_id, status);

create table enrolment (
    session_id       text        not null,
    registration_id  text        not null,
    status           text        not null,      -- CONFIRMED, WAITLISTED, CANCELLED
    changed_at       timestamptz not null,
    primary key (session_id, registration_id)
);

create table interpreter_assignment (
    session_id       text        not null,
    interpreter_id   text        not null,
    conference_id    text        not null,
    booth_language   text        not null,
    active           boolean     not null,
    changed_at       timestamptz not null,
    primary key (session_id, interpreter_id)
);

-- Released sessions as the latest release describes them: what a message about a session shows.
create table session (
    session_id          text        primary key,
    conference_id       text        not null,
    schedule_version    integer     not null,
    sequence            integer     not null,  -- releases that changed it: the calendar SEQUENCE, as agenda-service counts it
    titles              jsonb       not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    room_name           text,
    enrolment_required  boolean     not null,
    cancelled           boolean     not null
);

-- Each release's changelog and session states, kept once; a digest refers to it instead of copying it per recipient.
create table schedule_release (
    conference_id    text        not null,
    version          integer     not null,
    released_at      timestamptz not null,
    changes          jsonb       not null,
    sessions         jsonb       not null,
    primary key (conference_id, version)
);

-- The latest badge of each approved delegate (internal topic): the approval e-mail attaches its QR code.
create table badge (
    registration_id  text        primary key,
    serial           integer     not null,
    token            text        not null,
    issued_at        timestamptz not null
);

-- The language a message is written in is known once it is written (the recipient may change theirs meanwhile).
alter table notification alter column language drop not null;
create index notification_due_by_channel on notification (channel, next_attempt_at) where status = 'PENDING';
drop index notification_due;
