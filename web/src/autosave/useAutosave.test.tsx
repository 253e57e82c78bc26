import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useAutosave, type AutosaveBackend } from './useAutosave';
import { initialState } from './machine';
import { readDraft } from './drafts';
import { ApiError, NetworkError } from '../api/problem';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const config = { debounceMs: 1500, retryBaseMs: 1000, maxRetryMs: 30_000 };

describe('useAutosave', () => {
  it('saves 1.5 s after typing stops, retries through a network failure, and clears the draft only then', async () => {
    const save = vi
      .fn<AutosaveBackend['save']>()
      .mockRejectedValueOnce(new NetworkError())
      .mockResolvedValueOnce('"2"');
    const backend: AutosaveBackend = { save, load: vi.fn() };
    const { result } = renderHook(() =>
      useAutosave('c1', { state: initialState('A', '"1"'), effects: [] }, backend, config),
    );

    act(() => result.current.edit('AB'));
    expect(readDraft('c1')?.text).toBe('AB');
    await act(async () => vi.advanceTimersByTimeAsync(1400));
    expect(save).not.toHaveBeenCalled();

    await act(async () => vi.advanceTimersByTimeAsync(200));
    expect(save).toHaveBeenCalledWith('AB', '"1"');
    expect(result.current.state.status).toBe('retrying');
    expect(result.current.state.failure).toBe('offline');
    expect(readDraft('c1')?.text).toBe('AB');

    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(save).toHaveBeenCalledTimes(2);
    expect(result.current.state).toMatchObject({ status: 'saved', etag: '"2"', savedText: 'AB' });
    expect(readDraft('c1')).toBeUndefined();
  });

  it('turns a 412 into a conflict with the server text loaded', async () => {
    const backend: AutosaveBackend = {
      save: vi.fn().mockRejectedValue(new ApiError(412, { status: 412, title: 'Precondition Failed' })),
      load: vi.fn().mockResolvedValue({ text: 'Theirs', etag: '"9"' }),
    };
    const { result } = renderHook(() =>
      useAutosave('c2', { state: initialState('A', '"1"'), effects: [] }, backend, config),
    );

    act(() => result.current.edit('Mine'));
    await act(async () => vi.advanceTimersByTimeAsync(1500));

    expect(result.current.state.status).toBe('conflict');
    expect(result.current.state.conflict).toEqual({ serverText: 'Theirs', serverEtag: '"9"' });
    expect(readDraft('c2')?.text).toBe('Mine');
  });

  it('warns before closing the tab while text is unsaved', () => {
    const backend: AutosaveBackend = { save: vi.fn(() => new Promise<string>(() => undefined)), load: vi.fn() };
    const { result } = renderHook(() =>
      useAutosave('c3', { state: initialState('A', '"1"'), effects: [] }, backend, config),
    );
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    act(() => result.current.edit('AB'));
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});
