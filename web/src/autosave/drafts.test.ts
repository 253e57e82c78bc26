import { describe, expect, it } from 'vitest';
import { clearDraft, keepDraft, readDraft } from './drafts';

describe('local drafts', () => {
  it('keeps, reads and clears a chapter draft', () => {
    expect(keepDraft('c1', 'text', '"2"', localStorage, new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(readDraft('c1')).toEqual({ text: 'text', etag: '"2"', keptAt: '2026-01-01T00:00:00.000Z' });
    clearDraft('c1');
    expect(readDraft('c1')).toBeUndefined();
  });

  it('treats damaged entries as no draft, and survives a full storage', () => {
    localStorage.setItem('aw.draft.c2', '{not json');
    expect(readDraft('c2')).toBeUndefined();
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(keepDraft('c3', 'x', '"1"', full)).toBe(false);
  });
});
