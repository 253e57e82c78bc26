create table note (id uuid primary key, title text not null);
create table note_seen (event_id uuid primary key, note_id uuid not null);
