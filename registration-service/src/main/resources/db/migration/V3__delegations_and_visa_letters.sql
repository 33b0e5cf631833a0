-- The conference's last day, from ConferenceScheduled: a passport in a visa-letter request must stay
-- valid beyond it. Null for conferences recorded before this column existed.
alter table conference add column end_date date;

-- A Member State delegation and its focal point, who registers the members on their behalf.
create table delegation (
    delegation_id            text primary key,
    conference_id            text        not null references conference (conference_id),
    country_code             char(2)     not null,
    name                     text        not null,
    focal_point_given_name   text        not null,
    focal_point_family_name  text        not null,
    focal_point_email        text        not null,
    focal_point_phone        text,
    focal_point_position     text,
    created_at               timestamptz not null,
    -- One delegation per Member State and conference.
    constraint delegation_one_per_country unique (conference_id, country_code)
);

-- Backs the check the registrar makes, so no registration can point at a delegation that does not exist.
alter table registration add constraint registration_delegation
    foreign key (delegation_id) references delegation (delegation_id);
create index registration_by_delegation on registration (delegation_id) where delegation_id is not null;

-- Passport data of a visa-letter request, AES-256-GCM encrypted by the application: the database, its
-- backups and its logs never hold it in clear. Deleting the row is the erasure on request.
create table visa_letter_request (
    registration_id  text primary key references registration (registration_id) on delete cascade,
    -- The random 12-byte GCM nonce of this record; never reused with the same key.
    nonce            bytea       not null,
    -- Ciphertext followed by the 16-byte GCM authentication tag.
    ciphertext       bytea       not null,
    requested_at     timestamptz not null
);
