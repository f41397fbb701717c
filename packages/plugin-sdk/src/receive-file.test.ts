import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DISCARD_MAX_BYTES, discardBody, receiveFile, uploadedFile, type IncomingFile } from './receive-file.ts';
import { generatedBytes, multipartRequest, type TestPart } from './testing.ts';

const URL_ = 'http://localhost/fr/barometer/manage/2019/microdata?/upload';
const multipart = (parts: TestPart[], opts: { failAt?: number } = {}) => multipartRequest(URL_, parts, opts);

function expectedHash(size: number): string {
  const hash = createHash('sha256');
  for (const chunk of generatedBytes(size)) hash.update(chunk);
  return hash.digest('hex');
}

const dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'receive-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the file to disk as it arrives; a file that cannot be read to its end is removed. */
function toDisk(path: string, onChunk?: () => void) {
  return async (file: IncomingFile) => {
    const counted = async function* () {
      for await (const chunk of file.chunks) {
        onChunk?.();
        yield chunk;
      }
    };
    try {
      await pipeline(Readable.from(counted()), createWriteStream(path));
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
    return path;
  };
}

describe('receiveFile: a form upload streamed where it is kept', () => {
  it('streams a 40 MB file to disk with the fields around it, holding at most a few chunks in memory', async () => {
    const size = 40 * 1024 * 1024 + 123;
    const { request, state } = multipart([
      { name: 'before', value: 'avant é' },
      { name: 'file', filename: 'enquête 2019.csv', size },
      { name: 'after', value: 'après' }
    ]);
    const path = join(dir, 'big.csv');
    let written = 0;
    let maxAhead = 0;
    const result = await receiveFile({ request }, {
      maxBytes: 64 * 1024 * 1024,
      store: toDisk(path, () => {
        written = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
        // Bytes read from the request but not yet on disk: bounded by the streams' buffers, not by the file.
        maxAhead = Math.max(maxAhead, state.pulled - written);
      })
    });
    expect(result).toMatchObject({ ok: true, name: 'enquête 2019.csv', size, value: path });
    expect(result.ok && [...result.form]).toEqual([
      ['before', 'avant é'],
      ['after', 'après']
    ]);
    expect(statSync(path).size).toBe(size);
    const hash = createHash('sha256');
    for await (const chunk of Readable.from((await import('node:fs')).createReadStream(path))) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(expectedHash(size));
    expect(maxAhead).toBeLessThan(4 * 1024 * 1024);
    expect(state.ended).toBe(true);
  });

  it('refuses a file past the limit: nothing left on disk, and the rest of the body is read and dropped', async () => {
    const { request, state } = multipart([{ name: 'file', filename: 'big.csv', size: 3 * 1024 * 1024 }]);
    const path = join(dir, 'too-big.csv');
    const result = await receiveFile({ request }, { maxBytes: 1024 * 1024, store: toDisk(path) });
    expect(result).toMatchObject({ ok: false, reason: 'too_big' });
    expect(existsSync(path)).toBe(false);
    await expect.poll(() => state.ended).toBe(true);
  });

  it('takes a file of exactly the limit', async () => {
    const { request } = multipart([{ name: 'file', filename: 'exact.csv', size: 1024 * 1024 }]);
    expect(await receiveFile({ request }, { maxBytes: 1024 * 1024, store: toDisk(join(dir, 'exact.csv')) })).toMatchObject({ ok: true, size: 1024 * 1024 });
  });

  it('tells a missing file apart: no file part, an empty file input, another field name, not a form', async () => {
    const store = () => Promise.reject(new Error('no file expected'));
    const none = multipart([{ name: 'organisationId', value: 'o1' }]);
    const result = await receiveFile(none, { maxBytes: 1000, store });
    expect(result).toMatchObject({ ok: false, reason: 'no_file' });
    expect(result.form?.get('organisationId')).toBe('o1');
    expect(await receiveFile(multipart([{ name: 'file', filename: '', type: 'application/octet-stream', size: 0 }]), { maxBytes: 1000, store })).toMatchObject({ ok: false, reason: 'no_file' });
    expect(await receiveFile(multipart([{ name: 'other', filename: 'x.csv', size: 10 }]), { maxBytes: 1000, store })).toMatchObject({ ok: false, reason: 'no_file' });
    const urlencoded = new Request('http://localhost/x', { method: 'POST', body: new URLSearchParams({ a: 'b' }) });
    expect(await receiveFile({ request: urlencoded }, { maxBytes: 1000, store })).toMatchObject({ ok: false, reason: 'no_file' });
    const json = new Request('http://localhost/x', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(await receiveFile({ request: json }, { maxBytes: 1000, store })).toMatchObject({ ok: false, reason: 'no_file' });
  });

  it('a malformed form is read to its end and counts as no file', async () => {
    const enc = new TextEncoder();
    let pulled = 0;
    const parts = [enc.encode('--b\r\nnot a header\r\n\r\n'), ...Array.from({ length: 20 }, () => new Uint8Array(65536).fill(97))];
    const body = new ReadableStream<Uint8Array>({ pull: (c) => (pulled < parts.length ? c.enqueue(parts[pulled++]!) : c.close()) });
    const request = new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=b' }, duplex: 'half' } as RequestInit);
    expect(await receiveFile({ request }, { maxBytes: 4 << 20, store: () => Promise.reject(new Error('no file expected')) })).toMatchObject({ ok: false, reason: 'no_file' });
    await expect.poll(() => pulled).toBe(parts.length);
  });

  it('a browser that goes away mid-upload: the partial file is removed and the request fails', async () => {
    const { request } = multipart([{ name: 'file', filename: 'cut.csv', size: 8 * 1024 * 1024 }], { failAt: 2 * 1024 * 1024 });
    const path = join(dir, 'cut.csv');
    await expect(receiveFile({ request }, { maxBytes: 64 * 1024 * 1024, store: toDisk(path) })).rejects.toMatchObject({ status: 400 });
    expect(existsSync(path)).toBe(false);
  });

  it('passes on the errors of where the file is kept, reading the form to its end', async () => {
    const { request, state } = multipart([{ name: 'file', filename: 'x.csv', size: 2 * 1024 * 1024 }]);
    await expect(receiveFile({ request }, { maxBytes: 64 * 1024 * 1024, store: () => Promise.reject(new Error('refused')) })).rejects.toThrow('refused');
    expect(state.ended).toBe(true);
  });
});

describe('uploadedFile: a small upload in memory', () => {
  it('refuses a 1 GB upload from its announced size, without reading its body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 3) controller.close();
        else controller.enqueue(new Uint8Array(1 << 20));
      }
    });
    const request = new Request('http://localhost/fr/barometer/manage/2019/microdata?/upload', { method: 'POST', body, headers: { 'content-length': String(1024 ** 3), 'content-type': 'multipart/form-data; boundary=x' }, duplex: 'half' } as RequestInit);
    const result = await uploadedFile({ request }, 512 * 1024 * 1024);
    expect(result).toEqual({ ok: false, reason: 'too_big', form: null });
  });

  it('reads a small file, and tells a missing file apart', async () => {
    const form = new FormData();
    form.set('organisationId', 'o1');
    form.set('file', new File(['weight,commune\n1,21001\n'], 'm.csv', { type: 'text/csv' }));
    const ok = await uploadedFile({ request: new Request('http://localhost/x', { method: 'POST', body: form }) }, 1000);
    expect(ok).toMatchObject({ ok: true, name: 'm.csv' });
    expect(ok.ok && new TextDecoder().decode(ok.bytes)).toBe('weight,commune\n1,21001\n');
    expect(ok.form?.get('organisationId')).toBe('o1');
    const tooBig = await uploadedFile({ request: new Request('http://localhost/x', { method: 'POST', body: form }) }, 10);
    expect(tooBig).toMatchObject({ ok: false, reason: 'too_big' });
    expect(tooBig.form?.get('organisationId')).toBe('o1');
    const none = new FormData();
    none.set('other', 'x');
    expect(await uploadedFile({ request: new Request('http://localhost/x', { method: 'POST', body: none }) }, 1000)).toMatchObject({ ok: false, reason: 'no_file' });
  });
});

describe('discardBody: what is left of a refused body', () => {
  const endless = () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new Uint8Array(1 << 20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      }
    });
    return { reader: stream.getReader(), state: () => ({ pulled, cancelled }) };
  };

  it('reads a body to its end, so that the browser gets the answer', async () => {
    const reader = new Blob([new Uint8Array(3 << 20)]).stream().getReader();
    await discardBody(reader);
    expect((await reader.read().catch(() => ({ done: true }))).done).toBe(true);
  });

  it('stops an endless body past the limit it is given (at least 64 MB) and cancels it', async () => {
    const small = endless();
    await discardBody(small.reader);
    expect(small.state().cancelled).toBe(true);
    expect(small.state().pulled).toBeGreaterThan(DISCARD_MAX_BYTES);
    expect(small.state().pulled).toBeLessThan(DISCARD_MAX_BYTES + (8 << 20));
    const large = endless();
    await discardBody(large.reader, { maxBytes: 100 << 20 });
    expect(large.state().pulled).toBeGreaterThan(100 << 20);
    expect(large.state().pulled).toBeLessThan(108 << 20);
  });

  it('stops after its time, however slow the body', async () => {
    const slow = endless();
    await discardBody(slow.reader, { maxMs: 0 });
    expect(slow.state().cancelled).toBe(true);
  });
});
