// Uploaded files, read as streams of bytes: an import stops reading as soon as a file passes its size
// limit, and refuses bytes that are not UTF-8 (binary files, or CSV saved in an old Windows encoding)
// instead of turning them into replacement characters.

/** A file's bytes: whole (a form upload already in memory), or in chunks (a stream, a background task). */
export type Upload = Uint8Array | AsyncIterable<Uint8Array>;

export class UploadTooBig extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
  }
}

export class NotUtf8 extends Error {
  constructor() {
    super('upload is not UTF-8 text');
  }
}

/**
 * The upload's chunks, checked as they pass: past `maxBytes` it throws UploadTooBig (having read at
 * most one chunk more than the limit), and on bytes that are not UTF-8 it throws NotUtf8.
 */
export async function* checkedChunks(upload: Upload, maxBytes: number): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      throw new NotUtf8();
    }
  };
  let total = 0;
  for await (const chunk of upload instanceof Uint8Array ? [upload] : upload) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new UploadTooBig(maxBytes);
    decode(chunk);
    yield chunk;
  }
  decode();
}

/** The whole upload as text (without a BOM), within `maxBytes`; throws UploadTooBig or NotUtf8. */
export async function readText(upload: Upload, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of checkedChunks(upload, maxBytes)) chunks.push(chunk);
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
}

/** Throttles a progress callback to every `step` items (and always the last call of a phase). */
export function progressEvery(onProgress: ((done: number, total?: number) => void) | undefined, step: number) {
  return (done: number, total?: number, force = false) => {
    if (onProgress && (force || done % step === 0)) onProgress(done, total);
  };
}
