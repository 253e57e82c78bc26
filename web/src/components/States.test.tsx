import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ErrorNotice } from './States';
import { ApiError, NetworkError } from '../api/problem';

describe('an error notice', () => {
  it.each([
    ['a lost connection', new NetworkError()],
    ['a server failure', new ApiError(503, { status: 503, detail: 'The content service is not answering.' })],
    ['a rate limit', new ApiError(429, { status: 429 })],
  ])('offers to try again after %s', (_, error) => {
    render(<ErrorNotice error={error} onRetry={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it.each([
    ['a refusal', new ApiError(403, { status: 403, detail: 'You may not read this book.' })],
    ['something missing', new ApiError(404, { status: 404 })],
    ['invalid input', new ApiError(422, { status: 422, violations: [{ field: 'title', message: 'Too long.' }] })],
  ])('does not offer to try again after %s, which would fail the same way', (_, error) => {
    render(<ErrorNotice error={error} onRetry={vi.fn()} />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
