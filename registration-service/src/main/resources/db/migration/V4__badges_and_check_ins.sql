-- Badges are issued lazily once a registration is approved. Each row is one badge; revoking it and
-- issuing another increments the serial, and a scanned token is accepted only for the current serial.
create table badge (
    registration_id  text        not null references registration (registration_id),
    serial           integer     not null,
    issued_at        timestamptz not null,
    revoked_at       timestamptz,
    primary key (registration_id, serial)
);

-- At most one valid badge per registration, so concurrent first requests issue one badge, not two.
create unique index badge_one_valid on badge (registration_id) where revoked_at is null;

-- The first scan of a delegate's badge at the venue. Its primary key makes a check-in count once
-- however many times, and however concurrently, the badge is scanned.
create table check_in (
    registration_id  text        primary key references registration (registration_id),
    conference_id    text        not null,
    badge_serial     integer     not null,
    checked_in_at    timestamptz not null
);
