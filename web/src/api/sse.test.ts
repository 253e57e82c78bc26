import { describe, expect, it } from 'vitest';
import { SseParser, readEvents, type SseEvent } from './sse';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREAM = [
  ': a comment the server sends to keep the line open',
  'event: delta',
  'data: {"text":"The lamp"}',
  '',
  'event: delta',
  'data: {"text":" burned\\nlow"}',
  'id: 7',
  '',
  'event: restart',
  'data: {}',
  '',
  'data: first line',
  'data:second line',
  'retry: 1000',
  '',
  'event: ignored-without-data',
  '',
  'event: done',
  'data: {"provider":"offline"}',
  '',
  '',
].join('\n');

const EXPECTED: SseEvent[] = [
  { event: 'delta', data: '{"text":"The lamp"}', id: undefined },
  { event: 'delta', data: '{"text":" burned\\nlow"}', id: '7' },
  { event: 'restart', data: '{}', id: '7' },
  { event: 'message', data: 'first line\nsecond line', id: '7' },
  { event: 'done', data: '{"provider":"offline"}', id: '7' },
];

describe('SseParser', () => {
  it('assembles events from a whole stream', () => {
    expect(new SseParser().push(STREAM)).toEqual(EXPECTED);
  });

  it('gives the same events however the stream is split and whatever line endings it uses', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const ending = ['\n', '\r\n', '\r'][seed % 3] as string;
      const text = STREAM.split('\n').join(ending);
      const parser = new SseParser();
      const events: SseEvent[] = [];
      let at = 0;
      while (at < text.length) {
        const size = 1 + Math.floor(next() * 12);
        events.push(...parser.push(text.slice(at, at + size)));
        at += size;
      }
      expect(events, `seed ${seed}`).toEqual(EXPECTED);
    }
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: delta\ndata: {"text":"a"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'delta', data: '{"text":"a"}', id: undefined }]);
  });
});

describe('readEvents', () => {
  it('decodes multi-byte characters split across network chunks', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"naïve — café"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) {
          controller.enqueue(bytes.slice(i, i + 3));
        }
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readEvents(new Response(body), (event) => events.push(event));
    expect(events).toEqual([{ event: 'delta', data: '{"text":"naïve — café"}', id: undefined }]);
  });
});
