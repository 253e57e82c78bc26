-- Authors' display names, mirrored from the user-service's user.registered and
-- user.profile-updated events so the reader and the exports can show them without calling
-- the user-service. profile_version orders the updates (0 for the name given at sign-up):
-- a late, older update changes nothing.

create table author_names (
    user_id          uuid primary key,
    display_name     text        not null,
    profile_version  bigint      not null,
    updated_at       timestamptz not null default now()
);
