import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { revisions } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import type { RevisionSummary } from '../api/types';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorNotice, Loading } from '../components/States';
import { dateTime, relativeTime, words } from '../components/format';
import { clearDraft } from '../autosave/drafts';
import { queryKeys } from '../api/queryKeys';

const KINDS: Record<string, string> = {
  created: 'Created',
  saved: 'Saved',
  imported: 'Imported',
  restored: 'Restored',
  generated: 'Generated',
};

interface Props {
  bookId: string;
  chapterId: string;
  /** The chapter's current ETag: the list follows every save. */
  etag: string;
  /** Restoring waits until the editor has nothing unsaved. */
  canRestore: boolean;
  onRestored: () => void;
  onClose: () => void;
}

export function RevisionsPanel({ bookId, chapterId, etag, canRestore, onRestored, onClose }: Props) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.revisionsAt(chapterId, etag),
    queryFn: () => revisions.list(bookId, chapterId),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
  const [selected, setSelected] = useState<RevisionSummary>();
  const [confirming, setConfirming] = useState(false);
  const diff = useQuery({
    queryKey: queryKeys.diff(chapterId, selected?.number, etag),
    queryFn: () => revisions.diff(bookId, chapterId, selected?.number ?? 1),
    enabled: selected !== undefined && !selected.current,
  });

  const restoring = useMutation({
    mutationFn: (revision: number) => revisions.restore(bookId, chapterId, revision),
    onSuccess: async () => {
      clearDraft(chapterId);
      setConfirming(false);
      setSelected(undefined);
      await client.invalidateQueries({ queryKey: queryKeys.revisions(chapterId) });
      await client.invalidateQueries({ queryKey: queryKeys.chapters(bookId) });
      onRestored();
    },
  });
  const restore = () => {
    if (selected) {
      restoring.mutate(selected.number);
    }
  };

  return (
    <aside id="revisions-panel" className="side-panel" aria-labelledby="revisions-heading">
      <div className="side-panel-header">
        <h2 id="revisions-heading">Revisions</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close revisions">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {list.isPending ? (
        <Loading label="Loading revisions…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ol className="revision-list">
          {list.data.items.map((revision) => (
            <li key={revision.number}>
              <button
                type="button"
                className={`revision ${selected?.number === revision.number ? 'selected' : ''}`}
                aria-pressed={selected?.number === revision.number}
                onClick={() => setSelected(revision)}
              >
                <span className="revision-title">
                  #{revision.number} {KINDS[revision.kind] ?? revision.kind}
                  {revision.restoredFrom ? ` from #${revision.restoredFrom}` : ''}
                  {revision.current && <span className="badge badge-final">Current</span>}
                </span>
                <span className="muted small">
                  <time dateTime={revision.createdAt} title={dateTime(revision.createdAt)}>
                    {relativeTime(revision.createdAt)}
                  </time>{' '}
                  · {words(revision.wordCount)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {selected && (
        <section className="revision-detail" aria-label={`Revision ${selected.number}`}>
          {selected.current ? (
            <p className="muted">This is the chapter as it is now.</p>
          ) : diff.isPending ? (
            <Loading label="Comparing…" />
          ) : diff.isError ? (
            <ErrorNotice error={diff.error} />
          ) : (
            <>
              <h3>
                Revision #{selected.number} → now{' '}
                <span className="muted small">
                  (<span className="diff-add-count">+{diff.data.linesAdded}</span>{' '}
                  <span className="diff-del-count">−{diff.data.linesRemoved}</span> lines)
                </span>
              </h3>
              {diff.data.title && (
                <p className="small">
                  Title: “{diff.data.title.from}” → “{diff.data.title.to}”
                </p>
              )}
              <DiffView lines={diff.data.unified} />
              <button
                type="button"
                className="button primary"
                disabled={!canRestore}
                aria-describedby={!canRestore ? 'restore-wait' : undefined}
                onClick={() => setConfirming(true)}
              >
                Restore revision #{selected.number}
              </button>
              {!canRestore && (
                <p id="restore-wait" className="hint">
                  Waiting for your latest changes to be saved first.
                </p>
              )}
            </>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Restore revision #${selected?.number ?? ''}?`}
        message={
          <p>
            The chapter goes back to this revision’s title and text. Nothing is lost: the current text stays in the list
            as a revision you can restore.
          </p>
        }
        confirmLabel="Restore"
        busy={restoring.isPending}
        error={restoring.error ? errorMessage(restoring.error) : undefined}
        onConfirm={() => void restore()}
        onCancel={() => setConfirming(false)}
      />
    </aside>
  );
}

/** Unified diff lines, with additions and removals marked for eyes and for screen readers. */
export function DiffView({ lines }: { lines: string[] }) {
  const body = lines.filter((line) => !line.startsWith('---') && !line.startsWith('+++'));
  if (body.length === 0) {
    return <p className="muted">No differences in the text.</p>;
  }
  return (
    <pre className="diff" aria-label="Differences">
      {body.map((line, index) => {
        const kind = line.startsWith('+')
          ? 'add'
          : line.startsWith('-')
            ? 'del'
            : line.startsWith('@@')
              ? 'hunk'
              : 'same';
        const label = kind === 'add' ? 'Added: ' : kind === 'del' ? 'Removed: ' : '';
        return (
          <span key={index} className={`diff-line diff-${kind}`}>
            {label && <span className="visually-hidden">{label}</span>}
            {line}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}
