-- Accounts, profiles and preferences (the seed's users.users, users.profiles, users.user_preferences).
create table users (
    id                   uuid primary key,
    email                text        not null,
    email_normalized     text        not null unique,
    username             text        not null,
    username_normalized  text        not null unique,
    display_name         text        not null,
    password_hash        text,
    email_verified_at    timestamptz,
    status               text        not null default 'active' check (status in ('active', 'suspended')),
    suspended_reason     text,
    roles                text[]      not null default '{reader,author}',
    failed_sign_ins      integer     not null default 0,
    locked_until         timestamptz,
    totp_secret          text,
    totp_enabled_at      timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table profiles (
    user_id       uuid primary key references users (id) on delete cascade,
    bio           text,
    avatar_url    text,
    website       text,
    location      text,
    social_links  jsonb       not null default '{}'::jsonb,
    version       bigint      not null default 1,
    updated_at    timestamptz not null default now()
);

create table user_preferences (
    user_id     uuid        not null references users (id) on delete cascade,
    key         text        not null,
    value       jsonb       not null,
    updated_at  timestamptz not null default now(),
    primary key (user_id, key)
);

-- Single-use, expiring tokens mailed to people: only their SHA-256 is stored.
create table account_tokens (
    token_hash  text primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    purpose     text        not null check (purpose in ('verify-email', 'reset-password')),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);

create index account_tokens_user on account_tokens (user_id, purpose);

create table recovery_codes (
    user_id    uuid not null references users (id) on delete cascade,
    code_hash  text not null,
    used_at    timestamptz,
    primary key (user_id, code_hash)
);

create table federated_identities (
    provider    text        not null,
    subject     text        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (provider, subject)
);
