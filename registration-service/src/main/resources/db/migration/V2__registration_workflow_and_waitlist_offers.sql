-- The secretariat's decision on a registration: when, by whom, and why a delegate was turned away.
alter table registration
    add column decided_at        timestamptz,
    add column decided_by        text,
    add column rejection_reason  text,
    -- A waitlisted delegate holding an offer of a freed place, reserved for them until this instant.
    add column offer_expires_at  timestamptz,
    -- Set when the offer lapsed untaken: the delegate stays WAITLISTED but leaves the line for good,
    -- so a delegate who does not answer is not offered the same place over and over.
    add column offer_lapsed_at   timestamptz;

-- The line: waitlisted delegates never offered a place, first come first served.
create index registration_waiting_line
    on registration (conference_id, registered_at) where status = 'WAITLISTED' and offer_expires_at is null;
-- Open offers, swept by the expiry job.
create index registration_open_offers
    on registration (offer_expires_at) where status = 'WAITLISTED' and offer_lapsed_at is null;

-- Whether delegates may change their profile once approved. agenda-service's ConferenceScheduled does not
-- carry it, so these defaults apply unless application properties set a rule for the conference
-- (registration.change-rules.<conferenceId>.rule / .changes-close-at, see ChangeRules).
alter table conference
    add column change_rule       text not null default 'ALLOWED',
    add column changes_close_at  timestamptz;

-- Changes an approved delegate asked for under a MODERATED rule, applied once the secretariat accepts them.
create table profile_change (
    change_id        text primary key,
    registration_id  text        not null references registration (registration_id),
    -- The JSON merge patch as the delegate sent it; validated on arrival and again when applied.
    changes          jsonb       not null,
    requested_at     timestamptz not null,
    accepted_at      timestamptz,
    accepted_by      text
);
create index profile_change_by_registration on profile_change (registration_id);
