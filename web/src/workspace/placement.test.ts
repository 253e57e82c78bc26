import { describe, expect, it } from 'vitest';
import { applyChange, placeAnswer } from './placement';

const DOC = 'The keeper climbed.\nThe lamp was cold.\n\nShe waited.';

describe('placeAnswer', () => {
  it('replaces the selection it ran on and selects the new text', () => {
    const from = DOC.indexOf('The lamp was cold.');
    const target = { from, to: from + 'The lamp was cold.'.length, original: 'The lamp was cold.' };
    const change = placeAnswer(DOC, target, ' The lamp had gone cold hours ago. ', 'replace')!;
    const after = applyChange(DOC, change);
    expect(after).toBe('The keeper climbed.\nThe lamp had gone cold hours ago.\n\nShe waited.');
    expect(after.slice(change.select.anchor, change.select.head)).toBe('The lamp had gone cold hours ago.');
  });

  it('follows the selection when text was typed above it while the answer streamed', () => {
    const from = DOC.indexOf('She waited.');
    const target = { from, to: from + 11, original: 'She waited.' };
    const edited = 'A new opening line.\n' + DOC;
    expect(applyChange(edited, placeAnswer(edited, target, 'She waited, counting.', 'replace')!)).toBe(
      'A new opening line.\nThe keeper climbed.\nThe lamp was cold.\n\nShe waited, counting.',
    );
  });

  it('refuses to replace text that is gone, rather than overwrite something else', () => {
    const target = { from: 0, to: 19, original: 'The keeper climbed.' };
    expect(placeAnswer('Something else entirely.', target, 'New words.', 'replace')).toBeUndefined();
  });

  it('continues at the cursor with a space when the text runs on', () => {
    const target = { from: 19, to: 19, original: '' };
    const change = placeAnswer(DOC, target, 'Then she stopped.', 'insert-at-cursor')!;
    expect(applyChange(DOC, change).startsWith('The keeper climbed. Then she stopped.\nThe lamp')).toBe(true);
  });

  it('puts a description below the paragraph the selection ends in', () => {
    const from = DOC.indexOf('lamp');
    const target = { from, to: from + 4, original: 'lamp' };
    expect(applyChange(DOC, placeAnswer(DOC, target, 'Brass, salt-bitten.', 'insert-below')!)).toBe(
      'The keeper climbed.\nThe lamp was cold.\n\nBrass, salt-bitten.\n\nShe waited.',
    );
  });

  it('places nothing for an empty answer', () => {
    expect(placeAnswer(DOC, { from: 0, to: 0, original: '' }, '  ', 'insert-at-cursor')).toBeUndefined();
  });
});
