import type { Db, Prisma } from '@passerelle/db';
import { createTask, taskForOwner } from '@passerelle/jobs';
import { AppError, type Actor } from '@passerelle/trpc';

// File imports run as tasks (@passerelle/jobs), in two steps: a check (dryRun) of the uploaded file,
// whose report the member reads, then the import of that same stored file. A small file is done before
// the request answers; a large one is followed on the task page.

export async function startImportTask({
  db,
  actor,
  kind,
  input,
  file,
  fromTask,
  fileName,
  contentType,
  maxBytes,
  returnTo
}: {
  db: Db;
  actor: Actor;
  kind: string;
  input: Prisma.InputJsonObject;
  file?: Uint8Array;
  fromTask?: string;
  fileName: string;
  contentType: string;
  maxBytes: number;
  returnTo: string;
}) {
  if (!file === !fromTask) throw new AppError('VALIDATION', 'one file', { messageKey: 'epn_survey_error_import_no_file' });
  return createTask({ db, actor, kind, input, returnTo, waitMs: 3000, ...(file ? { upload: { name: fileName || 'import', contentType, source: [file], maxBytes } } : { inputFrom: fromTask! }) });
}

/** An import task of `kind` started by the caller: its state, what it was asked, and its report when done. */
export async function importTaskView<I, R>({ db, actor, id, kind }: { db: Db; actor: Actor; id: string; kind: string }) {
  const task = await taskForOwner({ db, actor, id });
  if (task.kind !== kind) throw new AppError('NOT_FOUND');
  return { id: task.id, status: task.status, input: task.input as I, report: task.status === 'done' ? (task.result as R) : null, errorKey: task.errorKey, errorParams: task.errorParams };
}
