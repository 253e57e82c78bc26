/**
 * Remembers, on this device, the last chapter read of each book, so "Continue reading"
 * picks up there. Kept small: the most recent books only.
 */
export interface ReadingPosition {
  bookId: string;
  title: string;
  chapter: number;
  chapterTitle?: string;
  readAt: string;
}

const KEY = 'aw.reading';
const MAX_BOOKS = 50;

function load(storage: Storage | undefined): ReadingPosition[] {
  try {
    const raw = storage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) {
      return parsed.filter(
        (p): p is ReadingPosition =>
          p &&
          typeof p.bookId === 'string' &&
          typeof p.chapter === 'number' &&
          Number.isInteger(p.chapter) &&
          p.chapter > 0,
      );
    }
  } catch {
    // Damaged: start again.
  }
  return [];
}

function storageOrUndefined(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function rememberPosition(
  position: Omit<ReadingPosition, 'readAt'>,
  storage: Storage | undefined = storageOrUndefined(),
  now: Date = new Date(),
): void {
  const others = load(storage).filter((p) => p.bookId !== position.bookId);
  const next = [{ ...position, readAt: now.toISOString() }, ...others].slice(0, MAX_BOOKS);
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or off: reading still works, it just is not remembered.
  }
}

export function lastPosition(
  bookId: string,
  storage: Storage | undefined = storageOrUndefined(),
): ReadingPosition | undefined {
  return load(storage).find((p) => p.bookId === bookId);
}

/** Books in progress, most recently read first. */
export function recentPositions(storage: Storage | undefined = storageOrUndefined(), limit = 6): ReadingPosition[] {
  return load(storage)
    .slice()
    .sort((a, b) => b.readAt.localeCompare(a.readAt))
    .slice(0, limit);
}

export function forgetPosition(bookId: string, storage: Storage | undefined = storageOrUndefined()): void {
  const rest = load(storage).filter((p) => p.bookId !== bookId);
  try {
    storage?.setItem(KEY, JSON.stringify(rest));
  } catch {
    // Nothing to do.
  }
}
