import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bible as bibleApi } from '../api/endpoints';
import { newIdempotencyKey } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import type { Bible, BibleCollection, BibleEntry, BibleFields, EntryChanges } from '../api/types';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { ErrorNotice, FieldError, Loading } from '../components/States';
import { queryKeys } from '../api/queryKeys';

const COLLECTIONS: { collection: BibleCollection; title: string; singular: string; hint: string }[] = [
  { collection: 'characters', title: 'Characters', singular: 'character', hint: 'Who is in the story.' },
  { collection: 'locations', title: 'Locations', singular: 'location', hint: 'Where it happens.' },
  { collection: 'lore', title: 'Lore', singular: 'lore entry', hint: 'History, magic, objects, rules of the world.' },
  { collection: 'notes', title: 'Notes', singular: 'note', hint: 'Anything else to keep in mind.' },
];

export function BiblePage({ bookId }: { bookId: string }) {
  const query = useQuery({ queryKey: queryKeys.bible(bookId), queryFn: () => bibleApi.get(bookId) });
  if (query.isPending) {
    return <Loading label="Opening the story bible…" />;
  }
  if (query.isError) {
    return (
      <ErrorNotice
        error={query.error}
        onRetry={() => void query.refetch()}
        title="The story bible could not be loaded"
      />
    );
  }
  const data = query.data.data;
  const etag = query.data.etag ?? `"${data.version}"`;
  return (
    <div className="bible">
      <h2 className="visually-hidden">Story bible</h2>
      <FieldsForm key={bookId} bookId={bookId} bible={data} etag={etag} />
      {COLLECTIONS.map((collection) => (
        <CollectionSection key={collection.collection} bookId={bookId} bible={data} {...collection} />
      ))}
    </div>
  );
}

function FieldsForm({ bookId, bible, etag }: { bookId: string; bible: Bible; etag: string }) {
  const client = useQueryClient();
  const initial: BibleFields = {
    premise: bible.premise ?? '',
    synopsis: bible.synopsis ?? '',
    pointOfView: bible.styleGuide.pointOfView ?? '',
    tense: bible.styleGuide.tense ?? '',
    voice: bible.styleGuide.voice ?? '',
    samplePassage: bible.styleGuide.samplePassage ?? '',
  };
  const [fields, setFields] = useState(initial);
  const [message, setMessage] = useState<string>();
  const saving = useMutation({
    mutationFn: (changes: BibleFields) => bibleApi.update(bookId, changes, etag),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.bible(bookId), saved);
      setMessage('Saved.');
    },
  });
  const busy = saving.isPending;
  const error = saving.error ? errorMessage(saving.error) : undefined;
  const conflict = saving.error instanceof ApiError && saving.error.status === 412;
  const dirty = (Object.keys(initial) as (keyof BibleFields)[]).some((k) => (fields[k] ?? '') !== (initial[k] ?? ''));

  const set = (key: keyof BibleFields) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setMessage(undefined);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(fields);
  };

  return (
    <form className="bible-fields card" onSubmit={save} aria-labelledby="bible-story-heading">
      <h3 id="bible-story-heading">The story</h3>
      <TextField
        id="premise"
        label="Premise"
        hint="The story in a sentence or two."
        value={fields.premise ?? ''}
        onChange={set('premise')}
        rows={2}
      />
      <TextField
        id="synopsis"
        label="Synopsis"
        hint="The story in a few paragraphs."
        value={fields.synopsis ?? ''}
        onChange={set('synopsis')}
        rows={5}
      />
      <h4>Style guide</h4>
      <div className="field-row">
        <TextField
          id="pointOfView"
          label="Point of view"
          value={fields.pointOfView ?? ''}
          onChange={set('pointOfView')}
          placeholder="e.g. close third"
        />
        <TextField
          id="tense"
          label="Tense"
          value={fields.tense ?? ''}
          onChange={set('tense')}
          placeholder="e.g. past"
        />
      </div>
      <TextField
        id="voice"
        label="Voice"
        value={fields.voice ?? ''}
        onChange={set('voice')}
        rows={2}
        placeholder="How the prose should sound"
      />
      <TextField
        id="samplePassage"
        label="Sample passage"
        value={fields.samplePassage ?? ''}
        onChange={set('samplePassage')}
        rows={4}
      />
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          {conflict && (
            <button
              type="button"
              className="button small"
              onClick={() => void client.invalidateQueries({ queryKey: queryKeys.bible(bookId) })}
            >
              Load the latest version (your edits here are replaced)
            </button>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy || !dirty}>
          {busy ? 'Saving…' : 'Save story details'}
        </button>
        <span role="status" className="muted small">
          {message ?? (dirty ? 'Unsaved changes' : '')}
        </span>
      </div>
    </form>
  );
}

function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  rows,
  placeholder,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  error?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea
          id={id}
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      ) : (
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function CollectionSection({
  bookId,
  bible,
  collection,
  title,
  singular,
  hint,
}: {
  bookId: string;
  bible: Bible;
  collection: BibleCollection;
  title: string;
  singular: string;
  hint: string;
}) {
  const client = useQueryClient();
  const entries = bible[collection];
  const [editing, setEditing] = useState<BibleEntry | 'new'>();
  const [deleting, setDeleting] = useState<BibleEntry>();
  const headingId = `bible-${collection}-heading`;

  const removing = useMutation({
    mutationFn: (entry: BibleEntry) => bibleApi.removeEntry(bookId, collection, entry),
    onSuccess: () => {
      setDeleting(undefined);
      return client.invalidateQueries({ queryKey: queryKeys.bible(bookId) });
    },
  });
  const remove = () => {
    if (deleting) {
      removing.mutate(deleting);
    }
  };

  return (
    <section className="bible-collection" aria-labelledby={headingId}>
      <div className="section-header">
        <div>
          <h3 id={headingId}>{title}</h3>
          <p className="muted small">{hint}</p>
        </div>
        <button type="button" className="button small" onClick={() => setEditing('new')}>
          Add {singular}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="muted small empty-collection">No {title.toLowerCase()} yet.</p>
      ) : (
        <ul className="entry-grid">
          {entries.map((entry) => (
            <li key={entry.id} className="entry-card">
              <h4>{entry.name}</h4>
              {(entry.role || entry.category) && <p className="entry-kind">{entry.role ?? entry.category}</p>}
              {entry.aliases && entry.aliases.length > 0 && (
                <p className="muted small">Also: {entry.aliases.join(', ')}</p>
              )}
              {entry.description && <p className="entry-description">{entry.description}</p>}
              {entry.traits && entry.traits.length > 0 && (
                <ul className="traits" aria-label="Traits">
                  {entry.traits.map((trait) => (
                    <li key={trait}>{trait}</li>
                  ))}
                </ul>
              )}
              {entry.arc && (
                <p className="small">
                  <strong>Arc:</strong> {entry.arc}
                </p>
              )}
              {entry.source === 'series' ? (
                <p className="muted small">From the series bible</p>
              ) : (
                <div className="entry-actions">
                  <button
                    type="button"
                    className="button small quiet"
                    onClick={() => setEditing(entry)}
                    aria-label={`Edit ${entry.name}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button small quiet danger"
                    onClick={() => setDeleting(entry)}
                    aria-label={`Delete ${entry.name}`}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <EntryDialog
          bookId={bookId}
          collection={collection}
          singular={singular}
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={async () => {
            setEditing(undefined);
            await client.invalidateQueries({ queryKey: queryKeys.bible(bookId) });
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete ${deleting?.name ?? ''}?`}
        message={<p>This {singular} is removed from the story bible.</p>}
        confirmLabel="Delete"
        danger
        busy={removing.isPending}
        error={removing.error ? errorMessage(removing.error) : undefined}
        onConfirm={remove}
        onCancel={() => setDeleting(undefined)}
      />
    </section>
  );
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function EntryDialog({
  bookId,
  collection,
  singular,
  entry,
  onClose,
  onSaved,
}: {
  bookId: string;
  collection: BibleCollection;
  singular: string;
  entry?: BibleEntry;
  onClose: () => void;
  onSaved: () => void;
}) {
  const isCharacter = collection === 'characters';
  const hasCategory = collection === 'locations' || collection === 'lore';
  const [name, setName] = useState(entry?.name ?? '');
  const [description, setDescription] = useState(entry?.description ?? '');
  const [role, setRole] = useState(entry?.role ?? '');
  const [aliases, setAliases] = useState(entry?.aliases?.join(', ') ?? '');
  const [traits, setTraits] = useState(entry?.traits?.join(', ') ?? '');
  const [arc, setArc] = useState(entry?.arc ?? '');
  const [category, setCategory] = useState(entry?.category ?? '');
  const [unnamed, setUnnamed] = useState(false);
  const key = useRef(newIdempotencyKey());
  const saving = useMutation({
    mutationFn: (changes: EntryChanges) =>
      entry
        ? bibleApi.updateEntry(bookId, collection, entry, changes)
        : bibleApi.addEntry(bookId, collection, changes, key.current),
    // Not awaited, as before: the page closes this dialog and refreshes the bible.
    onSuccess: () => {
      onSaved();
    },
  });
  // On success the page closes this dialog, so it stays busy until then.
  const busy = saving.isPending || saving.isSuccess;
  const error = saving.error ? errorMessage(saving.error) : undefined;
  const fieldErrors: Record<string, string> = unnamed
    ? { name: 'Give it a name.' }
    : saving.error instanceof ApiError
      ? saving.error.fieldErrors
      : {};
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [entry]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUnnamed(!name.trim());
    if (!name.trim()) {
      return;
    }
    const changes: EntryChanges = { name: name.trim(), description };
    if (isCharacter) {
      Object.assign(changes, { role, aliases: list(aliases), traits: list(traits), arc });
    }
    if (hasCategory) {
      changes.category = category;
    }
    saving.mutate(changes);
  };

  return (
    <Dialog open title={entry ? `Edit ${entry.name}` : `Add a ${singular}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="entry-name">Name</label>
          <input
            id="entry-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-autofocus
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? 'entry-name-error' : undefined}
          />
          <FieldError id="entry-name-error" message={fieldErrors.name} />
        </div>
        {isCharacter && (
          <>
            <div className="field-row">
              <div className="field">
                <label htmlFor="entry-role">Role</label>
                <input
                  id="entry-role"
                  value={role}
                  onChange={(e) => setRole(e.target.value)}
                  placeholder="e.g. protagonist"
                />
              </div>
              <div className="field">
                <label htmlFor="entry-aliases">Also known as</label>
                <input
                  id="entry-aliases"
                  value={aliases}
                  onChange={(e) => setAliases(e.target.value)}
                  aria-describedby="entry-aliases-hint"
                />
                <p id="entry-aliases-hint" className="hint">
                  Separate with commas.
                </p>
              </div>
            </div>
          </>
        )}
        {hasCategory && (
          <div className="field">
            <label htmlFor="entry-category">Category</label>
            <input
              id="entry-category"
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              placeholder={collection === 'locations' ? 'e.g. city' : 'e.g. artefact'}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="entry-description">Description</label>
          <textarea
            id="entry-description"
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {isCharacter && (
          <>
            <div className="field">
              <label htmlFor="entry-traits">Traits</label>
              <input
                id="entry-traits"
                value={traits}
                onChange={(e) => setTraits(e.target.value)}
                aria-describedby="entry-traits-hint"
              />
              <p id="entry-traits-hint" className="hint">
                Separate with commas, e.g. “stubborn, kind, afraid of water”.
              </p>
            </div>
            <div className="field">
              <label htmlFor="entry-arc">Arc</label>
              <textarea id="entry-arc" rows={2} value={arc} onChange={(e) => setArc(e.target.value)} />
            </div>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : entry ? 'Save' : `Add ${singular}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
