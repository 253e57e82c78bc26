-- The transactional outbox: an event exists here if and only if its business transaction committed.
create table outbox_event (
    id            uuid primary key,
    exchange      text        not null,
    routing_key   text        not null,
    envelope      jsonb       not null,
    trace_parent  text,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);

create index outbox_event_pending on outbox_event (created_at) where published_at is null;

-- The inbox: event ids a consumer has already applied, recorded in the same transaction as the effect.
create table inbox_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    received_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
