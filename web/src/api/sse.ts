/** One server-sent event, as the EventSource specification assembles it. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Turns a text/event-stream into events, chunk by chunk, following the WHATWG rules:
 * lines end in LF, CRLF or CR (also when a CRLF is split across chunks); `data` lines
 * join with LF; a blank line dispatches; comments and unknown fields are ignored; an
 * event without data is not dispatched. Used for streams EventSource cannot open (POST).
 */
export class SseParser {
  private buffer = '';
  private pendingCr = false;
  private event = '';
  private data: string[] = [];
  private id?: string;

  /** Feeds the next chunk of text; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) {
      // The LF of a CRLF whose CR ended the previous chunk.
      text = text.slice(1);
    }
    this.pendingCr = false;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) {
        continue;
      }
      this.line(this.buffer + text.slice(start, i), events);
      this.buffer = '';
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) {
            i++;
          }
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer += text.slice(start);
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        events.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.event = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id' && !value.includes('\0')) {
      this.id = value;
    }
  }
}

/** Reads a streamed response to its end, handing over each event as it completes. */
export async function readEvents(response: Response, onEvent: (event: SseEvent) => void): Promise<void> {
  if (!response.body) {
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    const { done, value } = await reader.read();
    const events = parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
    events.forEach(onEvent);
    if (done) {
      return;
    }
  }
}
