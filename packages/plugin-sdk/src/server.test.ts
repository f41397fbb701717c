import { expect, it } from 'vitest';
import { pullStream } from './server.ts';

it('pullStream: text and bytes in order, one chunk per pull; cancelling ends the generator', async () => {
  let produced = 0;
  let finished = false;
  async function* rows() {
    try {
      for (let i = 0; i < 5; i++) {
        produced++;
        yield i % 2 === 0 ? `row ${i}\n` : new TextEncoder().encode(`row ${i}\n`);
      }
    } finally {
      finished = true;
    }
  }
  expect(await new Response(pullStream(rows())).text()).toBe('row 0\nrow 1\nrow 2\nrow 3\nrow 4\n');
  expect(finished).toBe(true);

  produced = 0;
  finished = false;
  const reader = pullStream(rows()).getReader();
  await reader.read();
  await reader.cancel();
  // Pull-based: a client that read one chunk made at most the next one be produced.
  expect(produced).toBeLessThanOrEqual(2);
  expect(finished).toBe(true);
});
