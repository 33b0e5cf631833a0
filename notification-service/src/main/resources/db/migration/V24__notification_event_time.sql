-- When the event that caused a notification happened (its CloudEvents time), kept so that the time from the event
-- to the channel accepting the message can be measured. Null where it is unknown: notifications queued before this
-- column existed, or queued outside the handling of an event.
alter table notification add column event_time timestamptz;
