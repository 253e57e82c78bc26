import { useEffect, useReducer } from 'react';
import { generation } from '../api/endpoints';
import { applyJobEvent, initialJobView, isTerminal, type JobEvent, type JobView } from './progress';

const EVENT_TYPES = ['state', 'step-started', 'delta', 'progress', 'step-finished', 'completed', 'failed', 'cancelled'];

/**
 * Follows a job's server-sent events. EventSource reconnects by itself and sends
 * Last-Event-ID, so nothing is missed; the stream is closed after the final event (the
 * server ends it, and EventSource would otherwise reconnect).
 */
export function useJobEvents(jobId: string | undefined, total: number): JobView {
  const [view, dispatch] = useReducer(applyJobEvent, total, initialJobView);
  useEffect(() => {
    if (!jobId || typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource(generation.eventsUrl(jobId));
    let ended = false;
    const handlers = EVENT_TYPES.map((type) => {
      const handler = (message: MessageEvent<string>) => {
        let data: unknown = undefined;
        try {
          data = JSON.parse(message.data);
        } catch {
          data = message.data;
        }
        const event: JobEvent = { type, data };
        dispatch(event);
        if (type === 'completed' || type === 'failed' || type === 'cancelled') {
          ended = true;
          source.close();
        }
      };
      source.addEventListener(type, handler as EventListener);
      return [type, handler] as const;
    });
    source.onerror = () => {
      if (ended) {
        source.close();
      }
    };
    return () => {
      handlers.forEach(([type, handler]) => source.removeEventListener(type, handler as EventListener));
      source.close();
    };
  }, [jobId]);
  return view;
}

export { isTerminal };
