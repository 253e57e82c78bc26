import { capitalise } from './format';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{capitalise(status)}</span>;
}
