-- The content model: series, books and their members, chapters with revisions, story bibles,
-- and the published snapshot readers see.

create table series (
    id           uuid primary key,
    owner_id     uuid        not null,
    title        text        not null,
    description  text,
    version      bigint      not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

create index series_owner on series (owner_id, updated_at desc, id desc);

create table books (
    id               uuid primary key,
    owner_id         uuid        not null,
    title            text        not null,
    subtitle         text,
    description      text,
    genres           text[]      not null default '{}',
    tags             text[]      not null default '{}',
    language         text        not null default 'en',
    status           text        not null default 'draft'
                     check (status in ('draft', 'writing', 'editing', 'published', 'archived')),
    visibility       text        not null default 'private' check (visibility in ('private', 'unlisted', 'public')),
    series_id        uuid references series (id),
    series_position  integer check (series_position >= 1),
    cover_ref        text,
    word_count       bigint      not null default 0,
    published_at     timestamptz,
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint books_series_place check ((series_id is null) = (series_position is null)),
    -- Checked at commit, so a reorder can move books through each other's places.
    constraint books_series_position unique (series_id, series_position) deferrable initially deferred
);

create index books_public on books (published_at desc, id desc) where status = 'published' and visibility = 'public';

create table book_members (
    book_id     uuid        not null references books (id) on delete cascade,
    user_id     uuid        not null,
    role        text        not null check (role in ('owner', 'co-author', 'editor', 'beta-reader')),
    invited_by  uuid,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (book_id, user_id)
);

create unique index book_members_one_owner on book_members (book_id) where role = 'owner';
create index book_members_user on book_members (user_id, book_id);

create table chapters (
    id            uuid primary key,
    book_id       uuid        not null references books (id) on delete cascade,
    position      integer     not null check (position >= 1),
    title         text        not null,
    content       text        not null default '',
    word_count    integer     not null default 0,
    status        text        not null default 'draft' check (status in ('draft', 'revising', 'final')),
    published_at  timestamptz,
    version       bigint      not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    -- Checked at commit, so a reorder can move chapters through each other's places.
    constraint chapters_position unique (book_id, position) deferrable initially deferred
);

-- Every state a chapter's title and text have been in: the newest revision is always the current text.
create table chapter_revisions (
    id               uuid primary key,
    chapter_id       uuid        not null references chapters (id) on delete cascade,
    book_id          uuid        not null,
    number           integer     not null,
    kind             text        not null check (kind in ('created', 'saved', 'restored', 'imported')),
    restored_from    integer,
    author_id        uuid        not null,
    title            text        not null,
    content          text        not null,
    word_count       integer     not null,
    chapter_version  bigint      not null,
    created_at       timestamptz not null default now(),
    unique (chapter_id, number)
);

create index chapter_revisions_book on chapter_revisions (book_id, chapter_id, number desc);

-- A story bible belongs to a book or to a series; books inherit their series' bible.
create table bibles (
    id              uuid primary key,
    book_id         uuid unique references books (id) on delete cascade,
    series_id       uuid unique references series (id) on delete cascade,
    premise         text,
    synopsis        text,
    point_of_view   text,
    tense           text,
    voice           text,
    sample_passage  text,
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint bibles_one_owner check ((book_id is null) <> (series_id is null))
);

create table bible_entries (
    id           uuid primary key,
    bible_id     uuid        not null references bibles (id) on delete cascade,
    kind         text        not null check (kind in ('character', 'location', 'lore', 'note')),
    position     integer     not null check (position >= 1),
    name         text        not null,
    aliases      text[]      not null default '{}',
    role         text,
    description  text,
    traits       text[]      not null default '{}',
    arc          text,
    category     text,
    version      bigint      not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint bible_entries_position unique (bible_id, kind, position) deferrable initially deferred
);

-- Names are unique within a collection, so a book entry overrides its series' entry by name.
create unique index bible_entries_name on bible_entries (bible_id, kind, lower(name));

-- What readers see: the chapters as they were when the book was last published.
create table published_chapters (
    book_id          uuid        not null references books (id) on delete cascade,
    number           integer     not null check (number >= 1),
    chapter_id       uuid        not null,
    title            text        not null,
    content          text        not null,
    word_count       integer     not null,
    chapter_version  bigint      not null,
    published_at     timestamptz not null,
    primary key (book_id, number)
);

-- Replayable POST results for clients that send Idempotency-Key.
create table idempotency_keys (
    caller        text        not null,
    key           text        not null,
    method        text        not null,
    path          text        not null,
    request_hash  text        not null,
    status        integer,
    headers       jsonb,
    body          bytea,
    created_at    timestamptz not null default now(),
    primary key (caller, key)
);

create index idempotency_keys_age on idempotency_keys (created_at);
