import { describe, expect, it } from 'vitest';
import { queryKeys } from './queryKeys';

/** Every source file of the app (tests aside), by path, as text. */
const SOURCES = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!./queryKeys.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A key written as an array literal where a query API takes one. */
const LITERAL_KEY = /(queryKey:\s*\[|(setQueryData|getQueryData)(<[^>]*>)?\(\s*\[)/;

describe('queryKeys', () => {
  it('is the only place that spells a query key', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(40);
    const offenders = Object.entries(SOURCES)
      .filter(([, text]) => LITERAL_KEY.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('nests keys so that invalidating the shorter one reaches the longer ones', () => {
    expect(queryKeys.revisionsAt('c1', '"3"').slice(0, 2)).toEqual([...queryKeys.revisions('c1')]);
    expect(queryKeys.moderationList(true).slice(0, 1)).toEqual([...queryKeys.moderation()]);
  });
});
