import { describe, expect, it } from 'vitest';
import { forgetPosition, lastPosition, recentPositions, rememberPosition } from './position';
import { pageTurn } from './ChapterReader';

describe('reading position', () => {
  it('remembers the last chapter read per book, newest first', () => {
    rememberPosition({ bookId: 'b1', title: 'One', chapter: 2 }, localStorage, new Date('2026-01-01T10:00:00Z'));
    rememberPosition({ bookId: 'b2', title: 'Two', chapter: 1 }, localStorage, new Date('2026-01-01T11:00:00Z'));
    rememberPosition(
      { bookId: 'b1', title: 'One', chapter: 3, chapterTitle: 'Storm' },
      localStorage,
      new Date('2026-01-01T12:00:00Z'),
    );

    expect(lastPosition('b1')).toMatchObject({ chapter: 3, chapterTitle: 'Storm' });
    expect(recentPositions().map((p) => p.bookId)).toEqual(['b1', 'b2']);
    forgetPosition('b1');
    expect(lastPosition('b1')).toBeUndefined();
  });

  it('ignores damaged storage', () => {
    localStorage.setItem('aw.reading', '{"bookId":');
    expect(lastPosition('b1')).toBeUndefined();
    localStorage.setItem(
      'aw.reading',
      JSON.stringify([
        { bookId: 'b1', chapter: -1 },
        { bookId: 'b2', chapter: 4, title: 'x', readAt: '' },
      ]),
    );
    expect(lastPosition('b1')).toBeUndefined();
    expect(lastPosition('b2')?.chapter).toBe(4);
  });

  it('turns pages with the arrow keys, but not while typing or with modifiers', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) =>
      pageTurn({
        key: k,
        altKey: false,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
        target: document.body,
        ...extra,
      });
    expect(key('ArrowRight')).toBe('next');
    expect(key('ArrowLeft')).toBe('previous');
    expect(key('ArrowRight', { ctrlKey: true })).toBeUndefined();
    expect(key('ArrowRight', { target: document.createElement('input') })).toBeUndefined();
    expect(key('a')).toBeUndefined();
  });
});
