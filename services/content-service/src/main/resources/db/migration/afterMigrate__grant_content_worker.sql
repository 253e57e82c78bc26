-- content-worker logs in with a role of its own that owns nothing: it may read and write the
-- rows of a book's story and of its generation jobs, and no more (no DELETE, TRUNCATE or DDL
-- anywhere, nothing at all on the tables it does not use). Flyway runs this after every
-- migrate, and it first takes every grant back, so the role has exactly what is listed here
-- even after a migration adds, renames or drops a table. Where the role does not exist
-- (content-service's own tests, a deployment without the worker) it does nothing.
do $$
declare
    worker constant text := '${content_worker_role}';
    schema constant text := '${flyway:defaultSchema}';
    grants constant text[][] := array[
        -- The story it reads for prompts and writes through story-store's writers.
        ['books', 'select, update'],
        ['bibles', 'select, insert, update'],
        ['bible_entries', 'select, insert'],
        ['book_outlines', 'select, insert, update'],
        ['chapters', 'select, insert, update'],
        ['chapter_revisions', 'select, insert'],
        ['chapter_provenance', 'insert'],
        ['chapter_summaries', 'select, insert, update'],
        -- Its jobs: content-service creates them, the worker runs them.
        ['generation_jobs', 'select, update'],
        ['generation_steps', 'select, update'],
        ['generation_usage', 'select, insert'],
        -- Events it publishes (the relay marks them sent) and those it has consumed.
        ['outbox_event', 'select, insert, update'],
        ['inbox_event', 'select, insert']];
    i integer;
begin
    if not exists (select 1 from pg_roles where rolname = worker) then
        return;
    end if;
    execute format('revoke all on all tables in schema %I from %I', schema, worker);
    execute format('revoke all on all sequences in schema %I from %I', schema, worker);
    execute format('grant usage on schema %I to %I', schema, worker);
    for i in 1 .. array_length(grants, 1) loop
        if to_regclass(format('%I.%I', schema, grants[i][1])) is not null then
            execute format('grant %s on %I.%I to %I', grants[i][2], schema, grants[i][1], worker);
        end if;
    end loop;
end
$$;
