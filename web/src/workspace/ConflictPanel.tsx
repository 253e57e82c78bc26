import { useState } from 'react';
import { countWords, words } from '../components/format';

interface Props {
  mine: string;
  theirs: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** Someone (or another tab) saved this chapter in between: the writer chooses, nothing is guessed. */
export function ConflictPanel({ mine, theirs, onKeepMine, onTakeTheirs }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(mine);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="notice notice-error conflict" role="alert" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">This chapter was changed somewhere else</h3>
      <p>
        Another tab or a co-author saved a different version ({words(countWords(theirs))}) while you were writing (
        {words(countWords(mine))}). Your text is safe on this device. Choose which version to keep; the other one stays
        in the revisions only if it was saved.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={onTakeTheirs}>
          Reload theirs
        </button>
        <button type="button" className="button primary" onClick={onKeepMine}>
          Keep mine (overwrite)
        </button>
        <button type="button" className="button quiet" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy my version'}
        </button>
      </div>
      <details>
        <summary>Show their version</summary>
        <pre className="conflict-text">{theirs}</pre>
      </details>
    </section>
  );
}
