// Uploaded files (shared by the plugins' imports), read as streams of bytes: an import stops reading as soon as a file passes its size
// limit, and refuses bytes that are not UTF-8 (binary files, or CSV saved in an old Windows encoding)
// instead of turning them into replacement characters.

import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';

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

// CSV files: the delimiter is chosen from the header line before csv-parse starts.

/** ',' or ';' from the header line (column names contain neither); null if it has neither. */
export function detectDelimiter(headerLine: string): ',' | ';' | null {
  const commas = headerLine.split(',').length - 1;
  const semicolons = headerLine.split(';').length - 1;
  if (commas === 0 && semicolons === 0) return null;
  return semicolons > commas ? ';' : ',';
}

/** csv-parse's errors carry a code and the number of records read before the failing one. */
export function isCsvError(e: unknown): e is { code: string; records: number } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { records?: unknown }).records === 'number';
}

/**
 * The first bytes of the upload up to the end of the header line (at most 64 kB), then the rest: the
 * delimiter is chosen from the header before csv-parse starts.
 */
export async function splitHeader(chunks: AsyncIterator<Uint8Array>): Promise<{ headerLine: string; replay: () => AsyncGenerator<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let text = '';
  const decoder = new TextDecoder('utf-8');
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    text += decoder.decode(next.value, { stream: true });
    if (/[\r\n]/.test(text.replace(/^[\uFEFF\r\n]+/, '')) || text.length > 65_536) break;
  }
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  async function* replay() {
    try {
      yield* head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await chunks.return?.(undefined);
    }
  }
  return { headerLine, replay };
}

/** What can be wrong with a CSV file as a whole (each plugin says it with its own message). */
export type CsvProblem = 'empty' | 'delimiter' | 'too_big' | 'not_utf8' | 'malformed';

export class CsvFileError extends Error {
  constructor(
    readonly problem: CsvProblem,
    /** The file's line where it was found (0: the file as a whole). */
    readonly row: number
  ) {
    super(`CSV file: ${problem}`);
  }
}

/**
 * Opens a CSV upload for reading record by record: size and UTF-8 checked as it streams, the delimiter
 * (`,` or `;`) taken from the header line, a BOM skipped. An empty file or a header without either
 * delimiter throws CsvFileError at once; problems found while reading are thrown by the iteration, and
 * `csvProblem()` turns all of them into a CsvFileError. Leaving the loop early closes the file.
 */
export async function openCsv(upload: Upload, maxBytes: number, { skipEmptyLines = true }: { skipEmptyLines?: boolean } = {}): Promise<{ delimiter: ',' | ';'; records: AsyncIterable<string[]> }> {
  const chunks = checkedChunks(upload, maxBytes)[Symbol.asyncIterator]();
  const { headerLine, replay } = await splitHeader(chunks);
  const delimiter = headerLine.trim() === '' ? null : detectDelimiter(headerLine);
  if (!delimiter) {
    await chunks.return?.(undefined);
    throw new CsvFileError(headerLine.trim() === '' ? 'empty' : 'delimiter', headerLine.trim() === '' ? 0 : 1);
  }
  const records = pipeline(Readable.from(replay()), parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: skipEmptyLines, max_record_size: 64 * 1024 }), () => {
    // Errors reach the reader's loop; an early stop (a limit passed) closes the pipeline on purpose.
  });
  return { delimiter, records: records as AsyncIterable<string[]> };
}

/** The CsvFileError an error of reading a CSV upload stands for, or null for any other error. */
export function csvProblem(e: unknown): CsvFileError | null {
  if (e instanceof CsvFileError) return e;
  if (e instanceof UploadTooBig) return new CsvFileError('too_big', 0);
  if (e instanceof NotUtf8) return new CsvFileError('not_utf8', 0);
  // csv-parse counts the records read before the failing one (the header included).
  if (isCsvError(e)) return new CsvFileError('malformed', e.records + 1);
  return null;
}
