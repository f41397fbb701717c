import { describe, expect, it } from 'vitest';
import { barometerManifest } from '@passerelle/plugin-barometer';
import { PLUGINS } from '$lib/plugins.ts';
import { isStreamedUpload, limitBody, parseBytes } from './body-limit.ts';

/** A body of `chunks` chunks of 64 kB, made as it is read, with how far it was read. */
function body(chunks: number) {
  const state = { pulled: 0, ended: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) {
        state.ended = true;
        return controller.close();
      }
      state.pulled++;
      controller.enqueue(new Uint8Array(65536).fill(97));
    }
  });
  return { stream, state };
}
const post = (stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) => new Request('http://localhost/fr/ideas?/create', { method: 'POST', body: stream, headers: { 'content-type': 'text/plain', ...headers }, duplex: 'half' } as RequestInit);

describe('request body limit', () => {
  it('reads sizes as adapter-node does', () => {
    expect([parseBytes('6M'), parseBytes('512K'), parseBytes('1g'), parseBytes('1000'), parseBytes('Infinity')]).toEqual([6 * 1024 ** 2, 512 * 1024, 1024 ** 3, 1000, Infinity]);
    expect(() => parseBytes('lots')).toThrow(/BODY_SIZE_LIMIT/);
  });

  it('only the form actions plugins declare are streamed uploads', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(isStreamedUpload(PLUGINS, 'POST', '/barometer/manage/2019/microdata', q('/upload'))).toBe(true);
    expect(isStreamedUpload([barometerManifest], 'POST', '/barometer/manage/2019/microdata/', q('/upload'))).toBe(true);
    expect(isStreamedUpload(PLUGINS, 'POST', '/barometer/manage/2019/microdata', q('task=x&/check'))).toBe(false);
    expect(isStreamedUpload(PLUGINS, 'POST', '/barometer/manage/2019/microdata', q(''))).toBe(false);
    expect(isStreamedUpload(PLUGINS, 'GET', '/barometer/manage/2019/microdata', q('/upload'))).toBe(false);
    expect(isStreamedUpload(PLUGINS, 'POST', '/barometer/manage/2019/aggregates', q('/upload'))).toBe(false);
    expect(isStreamedUpload(PLUGINS, 'POST', '/ideas/new', q('/upload'))).toBe(false);
  });

  it('a body past the limit fails with a 413 when read, and the rest is read and dropped', async () => {
    const { stream, state } = body(40); // 2.5 MB, sent without a length (chunked)
    const limited = limitBody(post(stream), 1024 * 1024, 'too large');
    await expect(limited.text()).rejects.toMatchObject({ status: 413, body: { message: 'too large' } });
    await expect.poll(() => state.ended).toBe(true);
  });

  it('a body announced larger than the limit fails at once, its bytes dropped', async () => {
    const { stream, state } = body(40);
    const limited = limitBody(post(stream, { 'content-length': String(40 * 65536) }), 1024 * 1024, 'too large');
    await expect(limited.arrayBuffer()).rejects.toMatchObject({ status: 413 });
    await expect.poll(() => state.ended).toBe(true);
  });

  it('a body within the limit goes through whole', async () => {
    const { stream } = body(10);
    expect((await limitBody(post(stream), 1024 * 1024, 'too large').arrayBuffer()).byteLength).toBe(10 * 65536);
    const announced = body(10);
    const request = post(announced.stream, { 'content-length': String(10 * 65536) });
    expect(limitBody(request, 1024 * 1024, 'too large')).toBe(request);
  });
});
