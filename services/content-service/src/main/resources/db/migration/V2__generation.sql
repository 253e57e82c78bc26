-- AI generation: durable jobs made of steps, the usage the subscription service charges from,
-- and provenance of generated text. content-worker shares this schema: it reads books, bibles
-- and chapters and writes step results here.

create table generation_jobs (
    id               uuid primary key,
    book_id          uuid        not null references books (id) on delete cascade,
    user_id          uuid        not null,
    kind             text        not null
                     check (kind in ('bible', 'synopsis', 'outline', 'chapter-drafts', 'full-book')),
    params           jsonb       not null,
    state            text        not null default 'queued'
                     check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    seed             bigint      not null,
    steps_total      integer     not null,
    steps_done       integer     not null default 0,
    current_step     text,
    quote            jsonb       not null,
    input_tokens     bigint      not null default 0,
    output_tokens    bigint      not null default 0,
    cost_micros      bigint      not null default 0,
    currency         text        not null default 'USD',
    result           jsonb,
    problem          jsonb,
    cancel_requested boolean     not null default false,
    deliveries       integer     not null default 0,
    dead_lettered_at timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);

create index generation_jobs_book on generation_jobs (book_id, created_at desc, id desc);
create index generation_jobs_active on generation_jobs (user_id) where state in ('queued', 'running');

-- The planned steps of a job. A step's result is written in the transaction that marks it
-- succeeded, so a redelivered job resumes after its last finished step.
create table generation_steps (
    job_id               uuid        not null references generation_jobs (id) on delete cascade,
    index                integer     not null check (index >= 0),
    name                 text        not null,
    step                 text,
    chapter              integer,
    state                text        not null default 'pending'
                         check (state in ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    provider             text,
    model                text,
    offline              boolean,
    quote_input_tokens   bigint      not null default 0,
    quote_output_tokens  bigint      not null default 0,
    quote_cost_micros    bigint      not null default 0,
    input_tokens         bigint      not null default 0,
    output_tokens        bigint      not null default 0,
    cost_micros          bigint      not null default 0,
    output               jsonb,
    attempts             integer     not null default 0,
    started_at           timestamptz,
    finished_at          timestamptz,
    primary key (job_id, index)
);

-- What each provider call consumed, per user, for credits and spend limits. Integer micro-units.
create table generation_usage (
    id            uuid primary key,
    user_id       uuid        not null,
    book_id       uuid        not null,
    job_id        uuid,
    step_index    integer,
    operation     text        not null,
    provider      text        not null,
    model         text        not null,
    offline       boolean     not null,
    input_tokens  bigint      not null,
    output_tokens bigint      not null,
    estimated     boolean     not null default false,
    cost_micros   bigint      not null,
    currency      text        not null,
    created_at    timestamptz not null default now()
);

create unique index generation_usage_step on generation_usage (job_id, step_index) where job_id is not null;
create index generation_usage_user on generation_usage (user_id, created_at);

-- The outline of a book with scene beats, written by outline steps.
create table book_outlines (
    book_id     uuid primary key references books (id) on delete cascade,
    structure   text        not null default '',
    chapters    jsonb       not null,
    job_id      uuid,
    model       text,
    updated_at  timestamptz not null default now()
);

-- The rolling summary of a chapter that later chapters are written with.
create table chapter_summaries (
    chapter_id  uuid primary key references chapters (id) on delete cascade,
    book_id     uuid        not null,
    revision    integer     not null,
    summary     text        not null,
    model       text        not null,
    job_id      uuid,
    updated_at  timestamptz not null default now()
);

-- Which passages of which chapter revision came from which job, step and model.
create table chapter_provenance (
    id           uuid primary key,
    chapter_id   uuid        not null references chapters (id) on delete cascade,
    book_id      uuid        not null,
    revision     integer     not null,
    start_offset integer     not null check (start_offset >= 0),
    end_offset   integer     not null,
    job_id       uuid,
    step_index   integer,
    operation    text        not null,
    provider     text        not null,
    model        text        not null,
    offline      boolean     not null,
    created_at   timestamptz not null default now(),
    check (end_offset >= start_offset)
);

create index chapter_provenance_chapter on chapter_provenance (chapter_id, revision, start_offset);

-- A generated chapter is created once per job and outline number, however often the step runs.
alter table chapters add column generated_by_job uuid;
alter table chapters add column generated_number integer;
create unique index chapters_generated on chapters (generated_by_job, generated_number)
    where generated_by_job is not null;

alter table chapter_revisions drop constraint chapter_revisions_kind_check;
alter table chapter_revisions add constraint chapter_revisions_kind_check
    check (kind in ('created', 'saved', 'restored', 'imported', 'generated'));
alter table chapter_revisions add column generation_job_id uuid;
