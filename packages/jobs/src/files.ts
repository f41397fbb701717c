// Task files (an upload to import, an export to download) kept in the database in 1 MiB chunks: any app
// server can read them, they go when their task expires, and neither writing nor reading one ever holds
// more than a chunk in memory.
import { sqlOf, type Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc';

export const CHUNK_BYTES = 1 << 20;

export type FileRole = 'input' | 'output';

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

const encoder = new TextEncoder();

/**
 * Stores `source` as the task's input or output file, replacing an earlier one (a retried run writes its
 * output again). Stops with FILE_TOO_LARGE past `maxBytes`; what was written is removed.
 */
export async function writeTaskFile({
  db,
  taskId,
  role,
  name,
  contentType,
  source,
  maxBytes = Number.POSITIVE_INFINITY
}: {
  db: Db;
  taskId: string;
  role: FileRole;
  name: string;
  contentType: string;
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  maxBytes?: number;
}): Promise<StoredFile> {
  const sql = sqlOf(db);
  await sql.query(`DELETE FROM "core_task_file" WHERE "taskId" = $1 AND "role" = $2`, [taskId, role]);
  const [file] = await sql.query<{ id: string }>(
    `INSERT INTO "core_task_file" ("id", "taskId", "role", "name", "contentType") VALUES (gen_random_uuid()::text, $1, $2, $3, $4) RETURNING "id"`,
    [taskId, role, name.slice(0, 200), contentType.slice(0, 200)]
  );
  const fileId = file!.id;
  let seq = 0;
  let size = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await sql.query(`INSERT INTO "core_task_file_chunk" ("fileId", "seq", "bytes") VALUES ($1, $2, $3)`, [fileId, seq++, chunk]);
  };
  try {
    for await (const piece of source) {
      let bytes = typeof piece === 'string' ? encoder.encode(piece) : piece;
      size += bytes.byteLength;
      if (size > maxBytes) throw new AppError('VALIDATION', 'file too large', { messageKey: 'task_error_file_too_large', params: { mb: Math.floor(maxBytes / (1 << 20)) } });
      while (bytes.byteLength > 0) {
        const room = CHUNK_BYTES - pendingBytes;
        pending.push(bytes.subarray(0, room));
        pendingBytes += Math.min(room, bytes.byteLength);
        bytes = bytes.subarray(room);
        if (pendingBytes === CHUNK_BYTES) await flush();
      }
    }
    await flush();
  } catch (e) {
    await sql.query(`DELETE FROM "core_task_file" WHERE "id" = $1`, [fileId]);
    throw e;
  }
  await sql.query(`UPDATE "core_task_file" SET "size" = $2, "complete" = true WHERE "id" = $1`, [fileId, size]);
  return { id: fileId, name, contentType, size };
}

/** The task's file of that role, if it was completely written. */
export async function taskFile(db: Db, taskId: string, role: FileRole): Promise<StoredFile | null> {
  const [row] = await sqlOf(db).query<StoredFile>(`SELECT "id", "name", "contentType", "size" FROM "core_task_file" WHERE "taskId" = $1 AND "role" = $2 AND "complete"`, [taskId, role]);
  return row ?? null;
}

/** The file's bytes, chunk by chunk (one indexed read per chunk). */
export async function* readTaskFile(db: Db, fileId: string): AsyncGenerator<Uint8Array> {
  const sql = sqlOf(db);
  for (let seq = 0; ; seq++) {
    const [row] = await sql.query<{ bytes: Uint8Array }>(`SELECT "bytes" FROM "core_task_file_chunk" WHERE "fileId" = $1 AND "seq" = $2`, [fileId, seq]);
    if (!row) return;
    yield row.bytes;
  }
}
