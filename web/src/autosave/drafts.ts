/**
 * Unsaved chapter text kept on this device until the server confirms it, so a closed tab,
 * a crash or a lost connection never costs a word.
 */
export interface Draft {
  text: string;
  /** The ETag the text was written on top of. */
  etag: string;
  keptAt: string;
}

const PREFIX = 'aw.draft.';

function key(chapterId: string): string {
  return `${PREFIX}${chapterId}`;
}

export function readDraft(chapterId: string, storage: Storage | undefined = safeStorage()): Draft | undefined {
  try {
    const raw = storage?.getItem(key(chapterId));
    if (!raw) {
      return undefined;
    }
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (typeof parsed.text === 'string' && typeof parsed.etag === 'string') {
      return { text: parsed.text, etag: parsed.etag, keptAt: parsed.keptAt ?? '' };
    }
  } catch {
    // A damaged entry is no draft.
  }
  return undefined;
}

export function keepDraft(
  chapterId: string,
  text: string,
  etag: string,
  storage: Storage | undefined = safeStorage(),
  now: Date = new Date(),
): boolean {
  try {
    storage?.setItem(key(chapterId), JSON.stringify({ text, etag, keptAt: now.toISOString() }));
    return storage !== undefined;
  } catch {
    // Storage full or disabled: the text is still in the editor and being retried.
    return false;
  }
}

export function clearDraft(chapterId: string, storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.removeItem(key(chapterId));
  } catch {
    // Nothing to do.
  }
}

export function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
