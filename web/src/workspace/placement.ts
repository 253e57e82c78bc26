/** Where the text an operation ran on was, and what it said then. */
export interface Target {
  from: number;
  to: number;
  original: string;
}

export type Placement = 'replace' | 'insert-at-cursor' | 'insert-below';

/** One change to the document, and the range the new text then occupies. */
export interface Change {
  from: number;
  to: number;
  insert: string;
  select: { anchor: number; head: number };
}

/**
 * Works out how an accepted answer goes into the document as it is now, which may have
 * changed while the answer streamed. The text the operation ran on is found where it was,
 * or else where it moved to; if it is gone, a replacement has nothing to replace and the
 * answer is not placed (`undefined`), so no words are overwritten by surprise.
 */
export function placeAnswer(doc: string, target: Target, answer: string, placement: Placement): Change | undefined {
  const at = locate(doc, target);
  const text = answer.trim();
  if (!text) {
    return undefined;
  }
  if (placement === 'replace') {
    if (at === undefined || !target.original) {
      return undefined;
    }
    const end = at + target.original.length;
    return { from: at, to: end, insert: text, select: { anchor: at, head: at + text.length } };
  }
  const anchor = at === undefined ? Math.min(target.to, doc.length) : at + target.original.length;
  if (placement === 'insert-at-cursor') {
    const before = doc.slice(0, anchor);
    const glue = before === '' || /\s$/.test(before) ? '' : ' ';
    const insert = glue + text;
    return { from: anchor, to: anchor, insert, select: { anchor: anchor + glue.length, head: anchor + insert.length } };
  }
  // Below: after the paragraph the selection ends in, as a paragraph of its own.
  const lineEnd = doc.indexOf('\n', anchor);
  const end = lineEnd < 0 ? doc.length : lineEnd;
  const prefix = end === 0 ? '' : '\n\n';
  const insert = prefix + text;
  return { from: end, to: end, insert, select: { anchor: end + prefix.length, head: end + insert.length } };
}

function locate(doc: string, target: Target): number | undefined {
  if (doc.slice(target.from, target.to) === target.original) {
    return target.from;
  }
  if (!target.original) {
    return undefined;
  }
  // Moved (text typed above it): take the occurrence nearest to where it was.
  let best: number | undefined;
  for (let i = doc.indexOf(target.original); i >= 0; i = doc.indexOf(target.original, i + 1)) {
    if (best === undefined || Math.abs(i - target.from) < Math.abs(best - target.from)) {
      best = i;
    }
  }
  return best;
}

/** Applies a change to a string (what the editor does with it). */
export function applyChange(doc: string, change: Change): string {
  return doc.slice(0, change.from) + change.insert + doc.slice(change.to);
}
