-- The trace of the event that caused a notification (W3C traceparent/tracestate), kept on the queued row because the
-- dispatcher sends it later from its own loop: its send span continues that trace instead of starting a new one,
-- so one registration's trace reaches the SMTP server. Null for rows queued outside a trace.
alter table notification add column trace_parent text;
alter table notification add column trace_state  text;
