-- Admins can take a published book down from readers (and restore it). While it is down the
-- book keeps its published snapshot, so restoring brings back exactly what readers had.

alter table books
    add column taken_down_at    timestamptz,
    add column takedown_reason  text,
    add column taken_down_by    uuid,
    add constraint books_takedown_reason check ((taken_down_at is null) = (takedown_reason is null));

create index books_taken_down on books (taken_down_at desc, id desc) where taken_down_at is not null;
