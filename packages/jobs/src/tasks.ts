// Tasks: long pieces of work a person starts (an import, a large export) and follows on a progress page.
// The request only records the task (and stores the uploaded file); a worker of the job queue runs it,
// reporting how far it got; the person's browser reloads the progress page (no script needed) and is
// sent to the result when it is done. A task runs with its owner's rights as they are when it runs.
import { sqlOf, type Db, type Prisma } from '@passerelle/db';
import { resolveRoles } from '@passerelle/auth';
import { AppError, errorMessageKey, isAppError, type Actor } from '@passerelle/trpc';
import { jobQueueStarted, sendJob, type QueueDefinition } from './queue.ts';
import { readTaskFile, taskFile, writeTaskFile, type StoredFile } from './files.ts';

export const TASK_QUEUE = 'passerelle-task';

export type TaskStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TaskRunContext<I> {
  db: Db;
  taskId: string;
  input: I;
  /** The owner, with roles and memberships read when the run starts. */
  actor: Actor;
  /** Reports progress: `done` units of `total` (rows, usually). Written at most every 250 ms; never throws. */
  progress(done: number, total?: number): Promise<void>;
  /** The uploaded file, if the task was created with one. */
  inputFile: StoredFile | null;
  readInput(): AsyncIterable<Uint8Array>;
  /** Stores the file the owner will download (replaces an earlier run's). */
  writeOutput(file: { name: string; contentType: string; source: AsyncIterable<Uint8Array | string> }): Promise<StoredFile>;
}

export interface TaskDefinition<I = unknown> {
  kind: string;
  /** Message key naming the task on its progress page. */
  titleKey: string;
  run(ctx: TaskRunContext<I>): Promise<Prisma.InputJsonValue | null>;
}

export function defineTask<I>(definition: TaskDefinition<I>): TaskDefinition<I> {
  return definition;
}

const KEY = Symbol.for('passerelle.jobs.tasks');
const registry: Map<string, TaskDefinition<never>> = ((globalThis as { [KEY]?: Map<string, TaskDefinition<never>> })[KEY] ??= new Map());

/** Makes tasks runnable in this process (the app registers every plugin's tasks at start). */
export function registerTasks(definitions: readonly TaskDefinition<never>[]): void {
  for (const d of definitions) registry.set(d.kind, d);
}

/** The queue definition that runs tasks, for startJobQueue. */
export function taskQueue(onFailure?: (taskId: string, error: unknown) => void): QueueDefinition {
  return {
    name: TASK_QUEUE,
    // One retry: a run lost with its process (a restart) is started again from the beginning.
    retryLimit: 1,
    retryDelaySeconds: 2,
    expireInSeconds: 2 * 3600,
    handler: async (data, { db }) => {
      await runTask({ db, taskId: String(data.taskId), onFailure });
    }
  };
}

/**
 * Records a task (and stores its upload), then hands it to the queue. Without a queue in this process
 * (unit tests), the task stays queued until `runTask` is called.
 */
export async function createTask({
  db,
  actor,
  kind,
  input,
  returnTo,
  upload,
  inputFrom,
  waitMs = 0,
  now = new Date(),
  ttlHours = 24
}: {
  db: Db;
  actor: Actor;
  kind: string;
  input: Prisma.InputJsonValue;
  returnTo?: string;
  upload?: { name: string; contentType: string; source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>; maxBytes: number };
  /** Reuse the upload of an earlier task of the same owner (e.g. import the file that was just checked). */
  inputFrom?: string;
  /** Waits up to this long for the task to finish, so that a small job answers in the same request. */
  waitMs?: number;
  now?: Date;
  ttlHours?: number;
}): Promise<{ id: string; status: TaskStatus }> {
  const definition = registry.get(kind);
  if (!definition) throw new Error(`unknown task kind ${kind}`);
  await db.task.deleteMany({ where: { expiresAt: { lt: now } } });
  const task = await db.task.create({
    data: { kind, titleKey: definition.titleKey, ownerId: actor.id, input, returnTo: returnTo && /^\/[^/\\]/.test(returnTo) ? returnTo : null, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) }
  });
  try {
    if (upload) await writeTaskFile({ db, taskId: task.id, role: 'input', name: upload.name, contentType: upload.contentType, source: upload.source, maxBytes: upload.maxBytes });
    else if (inputFrom) await copyInput(db, actor, inputFrom, task.id);
  } catch (e) {
    await db.task.delete({ where: { id: task.id } });
    throw e;
  }
  if (!jobQueueStarted()) return { id: task.id, status: 'queued' };
  await sendJob(TASK_QUEUE, { taskId: task.id });
  const until = Date.now() + waitMs;
  for (;;) {
    const row = await db.task.findUnique({ where: { id: task.id }, select: { status: true } });
    const status = (row?.status ?? 'failed') as TaskStatus;
    if (status === 'done' || status === 'failed' || Date.now() >= until) return { id: task.id, status };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Copies another task's upload (same owner only) into a new task, inside the database. */
async function copyInput(db: Db, actor: Actor, fromTaskId: string, toTaskId: string): Promise<void> {
  const from = await db.task.findUnique({ where: { id: fromTaskId } });
  if (!from || from.ownerId !== actor.id) throw new AppError('NOT_FOUND', 'no such task', { messageKey: 'task_error_no_file' });
  const file = await taskFile(db, fromTaskId, 'input');
  if (!file) throw new AppError('VALIDATION', 'no file', { messageKey: 'task_error_no_file' });
  const sql = sqlOf(db);
  const [copy] = await sql.query<{ id: string }>(
    `INSERT INTO "core_task_file" ("id", "taskId", "role", "name", "contentType", "size", "complete") VALUES (gen_random_uuid()::text, $1, 'input', $2, $3, $4, true) RETURNING "id"`,
    [toTaskId, file.name, file.contentType, file.size]
  );
  await sql.query(`INSERT INTO "core_task_file_chunk" ("fileId", "seq", "bytes") SELECT $1, "seq", "bytes" FROM "core_task_file_chunk" WHERE "fileId" = $2`, [copy!.id, file.id]);
}

async function actorOf(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt) return null;
  const { roles, memberships } = await resolveRoles({ db, userId });
  return { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, roles, memberships };
}

function errorOf(e: unknown): { errorKey: string; errorParams: Prisma.InputJsonValue } {
  if (isAppError(e)) return { errorKey: e.messageKey ?? errorMessageKey(e.code), errorParams: (e.params ?? {}) as Prisma.InputJsonValue };
  return { errorKey: 'task_error_failed', errorParams: {} };
}

/** Runs a queued task (or runs again one whose process died). Returns its final status. */
export async function runTask({ db, taskId, onFailure, now = () => new Date() }: { db: Db; taskId: string; onFailure?: (taskId: string, error: unknown) => void; now?: () => Date }): Promise<TaskStatus> {
  const claimed = await db.task.updateMany({ where: { id: taskId, status: { in: ['queued', 'running'] } }, data: { status: 'running', startedAt: now(), done: 0, total: null } });
  const task = await db.task.findUnique({ where: { id: taskId } });
  if (!task) return 'failed';
  if (claimed.count === 0) return task.status as TaskStatus; // already finished: a duplicate delivery
  const definition = registry.get(task.kind);
  const fail = async (e: unknown) => {
    onFailure?.(taskId, e);
    await db.task.update({ where: { id: taskId }, data: { status: 'failed', finishedAt: now(), ...errorOf(e) } });
    return 'failed' as const;
  };
  if (!definition) return fail(new Error(`no handler for task kind ${task.kind}`));
  const actor = await actorOf(db, task.ownerId);
  if (!actor) return fail(new AppError('FORBIDDEN'));
  let last = 0;
  let reported: { done: number; total: number | undefined } = { done: 0, total: undefined };
  const inputFile = await taskFile(db, taskId, 'input');
  try {
    const result = await definition.run({
      db,
      taskId,
      input: task.input as never,
      actor,
      inputFile,
      readInput: () => {
        if (!inputFile) throw new AppError('VALIDATION', 'no file', { messageKey: 'task_error_no_file' });
        return readTaskFile(db, inputFile.id);
      },
      progress: async (done, total) => {
        reported = { done, total: total ?? reported.total };
        const t = Date.now();
        if (t - last < 250) return;
        last = t;
        // A progress write that fails (a busy database) is skipped: the work itself goes on.
        await db.task.update({ where: { id: taskId }, data: { done, ...(total === undefined ? {} : { total }) } }).catch(() => undefined);
      },
      writeOutput: (file) => writeTaskFile({ db, taskId, role: 'output', ...file })
    });
    // The last progress reported, even if its write was skipped by the throttle: a finished task is whole.
    const done = Math.max(reported.done, reported.total ?? 0);
    await db.task.update({ where: { id: taskId }, data: { status: 'done', finishedAt: now(), result: result ?? undefined, done, total: reported.total ?? done } });
    return 'done';
  } catch (e) {
    return fail(e);
  }
}

export interface TaskView {
  id: string;
  kind: string;
  titleKey: string;
  status: TaskStatus;
  done: number;
  total: number | null;
  input: unknown;
  result: unknown;
  errorKey: string | null;
  errorParams: Record<string, string | number>;
  returnTo: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  output: StoredFile | null;
}

/** A task as its owner sees it; someone else's is refused. */
export async function taskForOwner({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<TaskView> {
  const task = await db.task.findUnique({ where: { id } });
  if (!task) throw new AppError('NOT_FOUND');
  if (task.ownerId !== actor.id) throw new AppError('FORBIDDEN');
  return {
    id: task.id,
    kind: task.kind,
    titleKey: task.titleKey,
    status: task.status as TaskStatus,
    done: task.done,
    total: task.total,
    input: task.input,
    result: task.result,
    errorKey: task.errorKey,
    errorParams: (task.errorParams ?? {}) as Record<string, string | number>,
    returnTo: task.returnTo,
    createdAt: task.createdAt,
    finishedAt: task.finishedAt,
    output: task.status === 'done' ? await taskFile(db, task.id, 'output') : null
  };
}
