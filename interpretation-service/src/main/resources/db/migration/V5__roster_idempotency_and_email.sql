-- Which interpreter a POST with an Idempotency-Key created: a retried request replays that result
-- instead of failing on the e-mail address it registered the first time.
create table interpreter_idempotency_key (
    idempotency_key      text        primary key,
    request_fingerprint  text        not null,
    interpreter_id       text        references interpreter on delete cascade,   -- null until the creating transaction ends
    created_at           timestamptz not null default now()
);

-- Wang.Li@… and wang.li@… are one mailbox, so one interpreter: the roster and the CSV import match e-mails ignoring case.
create unique index interpreter_email_ignoring_case on interpreter (lower(email));

-- GET /api/interpreters?language=zh
create index interpreter_language_by_language on interpreter_language (language);
