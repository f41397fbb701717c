// Files uploaded through a form action (multipart/form-data), read with busboy as the bytes arrive: the file
// goes straight to where it is kept (a task's stored file, a buffer for a small one), never whole in
// memory, within the action's own size limit. The host's body limit (BODY_SIZE_LIMIT) does not apply to
// the form actions a plugin declares in its manifest's `streamedUploads`; everything else keeps it.
import busboy from 'busboy';
import { error } from '@sveltejs/kit';
import { UploadTooBig } from './upload.ts';

/** Room for the multipart envelope and the other fields around the file. */
export const FORM_OVERHEAD = 64 * 1024;

export interface IncomingFile {
  name: string;
  contentType: string;
  /** The file's bytes as they arrive; throws UploadTooBig past the limit (what was kept must then be dropped). */
  chunks: AsyncIterable<Uint8Array>;
}

export type Received<T> = { ok: true; form: FormData; name: string; size: number; value: T } | { ok: false; reason: 'too_big' | 'no_file'; form: FormData | null };

/** How much of a refused body is read at least before the connection is dropped (see discardBody). */
export const DISCARD_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads what is left of a request body without keeping it: the browser sends its whole body before it
 * reads the answer, so an upload refused half-way must still be read to its end for the refusal to show.
 * Not forever: past `maxBytes` (at least 64 MB) or `maxMs`, the body is cancelled and the connection goes,
 * so that an endless body cannot hold the server.
 */
export async function discardBody(reader: ReadableStreamDefaultReader<Uint8Array>, { maxBytes = DISCARD_MAX_BYTES, maxMs = 60_000 }: { maxBytes?: number; maxMs?: number } = {}): Promise<void> {
  const cap = Math.max(maxBytes, DISCARD_MAX_BYTES);
  const until = Date.now() + maxMs;
  let read = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      read += next.value.byteLength;
      if (read > cap || Date.now() >= until) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the browser went away: nothing left to read
  }
}

/**
 * The file of field `field` (one; later ones are ignored), handed to `store` as it arrives, and the text
 * fields (in `form`, with the fields sent before and after the file). A request announcing more than the
 * limit is refused from its headers; a file passing `maxBytes` is cut there: `store`'s reading throws
 * UploadTooBig, so what it kept must go (writeTaskFile removes its partial file), and the answer is
 * `too_big`. A refused body is read to its end and dropped, so that the browser shows the answer. If the
 * browser goes away mid-upload, `store`'s reading throws too, and this throws a 400 (nobody reads it).
 * Errors of `store` itself (a refused procedure) are passed on.
 */
export async function receiveFile<T>(event: { request: Request }, { maxBytes, field = 'file', store }: { maxBytes: number; field?: string; store: (file: IncomingFile) => Promise<T> }): Promise<Received<T>> {
  const { request } = event;
  const ceiling = maxBytes + FORM_OVERHEAD;
  const reader = request.body?.getReader();
  if (Number(request.headers.get('content-length') ?? 0) > ceiling) {
    if (reader) void discardBody(reader, { maxBytes: ceiling });
    return { ok: false, reason: 'too_big', form: null };
  }
  const form = new FormData();
  if (!reader) return { ok: false, reason: 'no_file', form };
  let parser: busboy.Busboy;
  try {
    // UTF-8 file names (browsers send them raw); fileSize one byte over the limit tells "too big" from "exactly the limit".
    parser = busboy({ headers: Object.fromEntries(request.headers), defParamCharset: 'utf8', limits: { fileSize: maxBytes + 1, fieldSize: FORM_OVERHEAD, fields: 100, parts: 200 } });
  } catch {
    void discardBody(reader); // not a form (no or another content type)
    return { ok: false, reason: 'no_file', form };
  }

  let tooBig = false;
  let interrupted = false;
  let stored: Promise<{ value: T; name: string; size: number }> | undefined;
  parser.on('field', (name, value) => form.append(name, value));
  parser.on('file', (name, stream, info) => {
    // Another field's file, a second file, or an empty file input (no file chosen): skipped.
    if (name !== field || stored || !info.filename) {
      stream.resume();
      return;
    }
    const fileName = info.filename;
    let size = 0;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      // Not destroyed when the reader stops early: busboy waits for the rest of the part to be read.
      for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size > maxBytes) break;
        yield chunk;
      }
      if (size > maxBytes || stream.truncated) {
        tooBig = true;
        throw new UploadTooBig(maxBytes);
      }
    }
    const run = async () => {
      try {
        return { value: await store({ name: fileName, contentType: info.mimeType, chunks: chunks() }), name: fileName, size };
      } finally {
        stream.resume(); // whatever `store` left unread is skipped, so that the form is read to its end
      }
    };
    const running = run();
    running.catch(() => undefined); // handled once the body is read
    stored = running;
  });

  // The parser's first error (a malformed form, or the cut above): it closes after it either way.
  let parseError: unknown = null;
  parser.on('error', (e) => (parseError ??= e));
  const parsed = new Promise<void>((resolve) => parser.once('close', resolve));
  const onAbort = () => {
    interrupted = true;
    parser.destroy(new Error('upload interrupted'));
    void reader.cancel().catch(() => undefined);
  };
  request.signal.addEventListener('abort', onAbort, { once: true });
  let total = 0;
  let ended = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (e) {
        // A server started with a body limit of its own (adapter-node's BODY_SIZE_LIMIT) cuts the body with a 413.
        if ((e as { status?: unknown } | null)?.status === 413) {
          tooBig = true;
          parser.destroy(new UploadTooBig(maxBytes));
          break;
        }
        interrupted = true; // the body could not be read: the browser went away
        parser.destroy(e instanceof Error ? e : new Error(String(e)));
        break;
      }
      ended = next.done;
      if (next.done || interrupted) break;
      total += next.value.byteLength;
      if (total > ceiling) tooBig = true;
      if (tooBig) break;
      if (!parser.write(next.value)) {
        await new Promise<void>((resolve) => {
          const go = () => (parser.off('drain', go), parser.off('close', go), resolve());
          parser.on('drain', go).on('close', go);
        });
      }
      if (parser.destroyed) break;
    }
    if (tooBig && !parser.destroyed) parser.destroy(new UploadTooBig(maxBytes));
    if (ended && !parser.destroyed) parser.end();
    else if (!interrupted) void discardBody(reader, { maxBytes: ceiling }); // refused or malformed: the rest is read and dropped
    await parsed;
  } finally {
    request.signal.removeEventListener('abort', onAbort);
  }

  const outcome = stored ? await stored.then((v) => ({ ok: true as const, ...v }), (e: unknown) => ({ ok: false as const, e })) : null;
  if (tooBig) return { ok: false, reason: 'too_big', form };
  if (interrupted) error(400, 'upload interrupted');
  if (parseError && !outcome?.ok) return { ok: false, reason: 'no_file', form }; // a malformed form
  if (!outcome) return { ok: false, reason: 'no_file', form };
  if (!outcome.ok) throw outcome.e;
  return { ok: true, form, name: outcome.name, size: outcome.size, value: outcome.value };
}

export type Uploaded = { ok: true; form: FormData; bytes: Uint8Array; name: string } | { ok: false; reason: 'too_big' | 'no_file'; form: FormData | null };

/** A small uploaded file (field `file`) in memory, within `maxBytes` (see receiveFile). */
export async function uploadedFile(event: { request: Request }, maxBytes: number): Promise<Uploaded> {
  const received = await receiveFile(event, {
    maxBytes,
    store: async (file) => {
      const parts: Uint8Array[] = [];
      for await (const chunk of file.chunks) parts.push(chunk);
      return Buffer.concat(parts);
    }
  });
  return received.ok ? { ok: true, form: received.form, bytes: received.value, name: received.name } : received;
}
