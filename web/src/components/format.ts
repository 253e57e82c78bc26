const numberFormat = new Intl.NumberFormat('en');

export function words(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'word' : 'words'}`;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "just now". */
export function relativeTime(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) {
    return '';
  }
  const then = new Date(iso);
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  if (Number.isNaN(seconds)) {
    return '';
  }
  if (Math.abs(seconds) < 45) {
    return 'just now';
  }
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

export function dateTime(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A quick client-side estimate while typing; the server's count is the official one. */
export function countWords(text: string): number {
  const stripped = text.replace(/[#>*_`~\-[\]()!]/g, ' ');
  const matches = stripped.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}
