import { describe, expect, it } from 'vitest';
import { announceMove, ids, move, moveBy, moveTo, renumber, sameOrder } from './reorder';

const list = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, position: i + 1 }));

describe('reorder', () => {
  it('moves by one with the keyboard buttons and stays put at the ends', () => {
    expect(ids(moveBy(list, 'c', -1))).toEqual(['a', 'c', 'b', 'd']);
    expect(ids(moveBy(list, 'c', 1))).toEqual(['a', 'b', 'd', 'c']);
    expect(ids(moveBy(list, 'a', -1))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(moveBy(list, 'd', 1))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(moveBy(list, 'zz', 1))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops a dragged item in the target’s place, both directions', () => {
    expect(ids(moveTo(list, 'a', 'c'))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(moveTo(list, 'd', 'b'))).toEqual(['a', 'd', 'b', 'c']);
    expect(ids(moveTo(list, 'b', 'b'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never loses or duplicates an item, and does not change its input', () => {
    for (let from = 0; from < list.length; from += 1) {
      for (let to = -2; to < list.length + 2; to += 1) {
        const moved = move(list, from, to);
        expect([...ids(moved)].sort()).toEqual(['a', 'b', 'c', 'd']);
      }
    }
    expect(ids(list)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('renumbers positions 1..n and compares orders', () => {
    const moved = renumber(moveBy(list, 'a', 1));
    expect(moved.map((c) => c.position)).toEqual([1, 2, 3, 4]);
    expect(moved[0]).toEqual({ id: 'b', position: 1 });
    expect(sameOrder(list, list.slice())).toBe(true);
    expect(sameOrder(list, moved)).toBe(false);
    expect(announceMove('Chapter 2', 0, 4)).toBe('Chapter 2 moved to position 1 of 4.');
  });
});
