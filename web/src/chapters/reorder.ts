/** Pure helpers for putting chapters (or any list with ids) in a new order. */

export interface HasId {
  id: string;
}

/** The list with the item at `from` moved to `to` (both 0-based, clamped). */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const result = items.slice();
  if (from < 0 || from >= items.length) {
    return result;
  }
  const target = Math.max(0, Math.min(items.length - 1, to));
  const [item] = result.splice(from, 1);
  result.splice(target, 0, item as T);
  return result;
}

/** Moves the item with `id` by `delta` places (−1 up, +1 down); unchanged at the ends. */
export function moveBy<T extends HasId>(items: readonly T[], id: string, delta: number): T[] {
  const from = items.findIndex((item) => item.id === id);
  if (from < 0) {
    return items.slice();
  }
  return move(items, from, from + delta);
}

/**
 * Where a dragged item lands when dropped on `targetId`: dropping downwards puts it after
 * the target, upwards before it, as people expect from a list.
 */
export function moveTo<T extends HasId>(items: readonly T[], draggedId: string, targetId: string): T[] {
  const from = items.findIndex((item) => item.id === draggedId);
  const to = items.findIndex((item) => item.id === targetId);
  if (from < 0 || to < 0 || from === to) {
    return items.slice();
  }
  return move(items, from, to);
}

export function ids(items: readonly HasId[]): string[] {
  return items.map((item) => item.id);
}

export function sameOrder(a: readonly HasId[], b: readonly HasId[]): boolean {
  return a.length === b.length && a.every((item, index) => item.id === b[index]?.id);
}

/** Positions 1..n in list order, as the server numbers them. */
export function renumber<T extends { position: number }>(items: readonly T[]): T[] {
  return items.map((item, index) => (item.position === index + 1 ? item : { ...item, position: index + 1 }));
}

/** What a screen reader hears after a keyboard move. */
export function announceMove(title: string, index: number, count: number): string {
  return `${title} moved to position ${index + 1} of ${count}.`;
}
