-- The trace an event belongs to, captured when the row is written (inside the request or consumer that caused it)
-- as W3C Trace Context values. The relay sends them later from its own thread as the Kafka headers traceparent and
-- tracestate, so the trace continues across the outbox instead of ending at the insert. Null when nothing was traced.
alter table outbox_event add column trace_parent text;
alter table outbox_event add column trace_state  text;
