-- One row per delegate and language they listen in, fed by registration.delegates.v1: each row is a
-- receiver (headset) tuned to that language's interpretation channel.
create table listening_language (
    registration_id  text not null,
    conference_id    text not null,
    language         text not null,   -- BCP 47 tag
    primary key (registration_id, language)
);

create index listening_language_by_conference on listening_language (conference_id, language);
