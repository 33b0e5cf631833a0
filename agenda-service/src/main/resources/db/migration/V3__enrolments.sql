-- Registration-service publishes DelegateRegistered before DelegateApproved on one partition, but a
-- replica rebuilt from a trimmed topic may meet the approval first; it then knows no registration time.
alter table delegate alter column registered_at drop not null;

-- Seats and waiting lists of released sessions that require enrolment. A delegate who leaves is
-- deleted: the enrolment events keep the history. No foreign key to released_session, which schedule
-- releases rewrite; a cancelled session keeps its enrolments for the record.
create table enrolment (
    session_id       text        not null,
    registration_id  text        not null,
    conference_id    text        not null,
    status           text        not null,
    arrival          bigint      generated always as identity,
    enrolled_at      timestamptz not null,
    primary key (session_id, registration_id),
    constraint enrolment_status check (status in ('CONFIRMED', 'WAITLISTED'))
);

create index enrolment_by_registration on enrolment (registration_id);
create index enrolment_waiting_list on enrolment (session_id, arrival) where status = 'WAITLISTED';

-- Positions are derived from arrival order rather than stored, so nobody's position has to be
-- rewritten when someone ahead leaves or is promoted.
create view enrolment_with_position as
select session_id, registration_id, conference_id, status, arrival, enrolled_at,
       case when status = 'WAITLISTED'
            then (row_number() over (partition by session_id, status order by arrival))::integer
       end as position
from enrolment;
