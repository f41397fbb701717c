import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { AppError, type Actor } from '@passerelle/trpc';
import { createTask, defineTask, readTaskFile, registerTasks, runTask, startJobQueue, stopJobQueue, taskFile, taskForOwner, taskQueue, CHUNK_BYTES } from './index.ts';

let runs = 0;
const COUNT = defineTask<{ factor: number }>({
  kind: 'test.count-bytes',
  titleKey: 'task_test',
  async run({ input, readInput, progress, writeOutput, inputFile, actor }) {
    runs++;
    let bytes = 0;
    for await (const chunk of readInput()) {
      bytes += chunk.byteLength;
      await progress(bytes, inputFile!.size);
    }
    async function* lines() {
      for (let i = 0; i < 3; i++) yield `${i * input.factor}\n`;
    }
    await writeOutput({ name: 'out.txt', contentType: 'text/plain', source: lines() });
    return { bytes, owner: actor.id };
  }
});
const FAIL = defineTask({
  kind: 'test.fail',
  titleKey: 'task_test',
  async run() {
    throw new AppError('VALIDATION', 'bad', { messageKey: 'task_error_test', params: { row: 3 } });
  }
});
registerTasks([COUNT, FAIL] as never[]);

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function text(db: Parameters<typeof readTaskFile>[0], fileId: string) {
  const parts: Uint8Array[] = [];
  for await (const p of readTaskFile(db, fileId)) parts.push(p);
  return Buffer.concat(parts);
}

describeEachDb('tasks', ({ getDb }) => {
  let owner: Actor;
  let other: Actor;
  beforeAll(async () => {
    const db = getDb();
    const mk = async (email: string): Promise<Actor> => {
      const u = await db.user.create({ data: { email, passwordHash: 'x', displayName: email } });
      return { id: u.id, email, displayName: email, locale: 'fr', roles: ['citizen'], memberships: [] };
    };
    owner = await mk('owner@example.org');
    other = await mk('other@example.org');
  });

  it('stores a multi-chunk upload, runs on the real queue with progress, and serves the output to its owner only', async () => {
    const db = getDb();
    await startJobQueue({ db, queues: [taskQueue()], pollingIntervalSeconds: 0.5 });
    try {
      const upload = Buffer.alloc(CHUNK_BYTES * 2 + 12345, 7);
      // Given in odd-sized pieces, as a request body arrives.
      const pieces = function* () {
        for (let at = 0; at < upload.length; at += 300_001) yield upload.subarray(at, at + 300_001);
      };
      const { id, status } = await createTask({ db, actor: owner, kind: COUNT.kind, input: { factor: 7 }, returnTo: '/somewhere', upload: { name: 'in.bin', contentType: 'application/octet-stream', source: pieces(), maxBytes: 10 << 20 }, waitMs: 20_000 });
      // The worker was woken at once: the request could wait for this small task and answer with its result.
      expect(status).toBe('done');
      expect(await db.taskFileChunk.count({ where: { file: { taskId: id, role: 'input' } } })).toBe(3);
      const view = await until(() => taskForOwner({ db, actor: owner, id }), (t) => t.status === 'done' || t.status === 'failed');
      expect(view.status).toBe('done');
      expect(view.result).toEqual({ bytes: upload.length, owner: owner.id });
      expect(view.done).toBe(upload.length);
      expect(view.total).toBe(upload.length);
      expect(view.returnTo).toBe('/somewhere');
      expect(view.output).toMatchObject({ name: 'out.txt', size: 7 });
      expect((await text(db, view.output!.id)).toString()).toBe('0\n7\n14\n');
      const input = await taskFile(db, id, 'input');
      expect((await text(db, input!.id)).equals(upload)).toBe(true);
      await expect(taskForOwner({ db, actor: other, id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

      // A second task may run on the same upload (check, then import), for its owner only.
      const again = await createTask({ db, actor: owner, kind: COUNT.kind, input: { factor: 1 }, inputFrom: id, waitMs: 20_000 });
      expect(again.status).toBe('done');
      expect((await taskForOwner({ db, actor: owner, id: again.id })).result).toEqual({ bytes: upload.length, owner: owner.id });
      await expect(createTask({ db, actor: other, kind: COUNT.kind, input: { factor: 1 }, inputFrom: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await stopJobQueue();
    }
  });

  it('records a translated failure, and a duplicate delivery never runs a finished task again', async () => {
    const db = getDb();
    const failed = await createTask({ db, actor: owner, kind: FAIL.kind, input: {} });
    expect(await runTask({ db, taskId: failed.id })).toBe('failed');
    expect(await taskForOwner({ db, actor: owner, id: failed.id })).toMatchObject({ status: 'failed', errorKey: 'task_error_test', errorParams: { row: 3 }, output: null });

    const before = runs;
    const ok = await createTask({ db, actor: owner, kind: COUNT.kind, input: { factor: 1 }, upload: { name: 'a', contentType: 'text/plain', source: ['abc'], maxBytes: 100 } });
    expect(await runTask({ db, taskId: ok.id })).toBe('done');
    expect(await runTask({ db, taskId: ok.id })).toBe('done');
    expect(runs - before).toBe(1);
  });

  it('runs again from the start a task whose process died while it ran', async () => {
    const db = getDb();
    const { id } = await createTask({ db, actor: owner, kind: COUNT.kind, input: { factor: 2 }, upload: { name: 'a', contentType: 'text/plain', source: ['abcdef'], maxBytes: 100 } });
    // What a crash leaves: running, half-way, with a partial output.
    await db.task.update({ where: { id }, data: { status: 'running', done: 3 } });
    await db.taskFile.create({ data: { taskId: id, role: 'output', name: 'partial', contentType: 'text/plain' } });
    expect(await runTask({ db, taskId: id })).toBe('done');
    const view = await taskForOwner({ db, actor: owner, id });
    expect(view.result).toEqual({ bytes: 6, owner: owner.id });
    expect((await text(db, view.output!.id)).toString()).toBe('0\n2\n4\n');
  });

  it('refuses an upload over the limit without keeping anything, and removes expired tasks', async () => {
    const db = getDb();
    const tasksBefore = await db.task.count();
    const big = function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(1 << 20);
    };
    await expect(createTask({ db, actor: owner, kind: COUNT.kind, input: { factor: 1 }, upload: { name: 'big', contentType: 'text/csv', source: big(), maxBytes: 3 << 20 } })).rejects.toMatchObject({ messageKey: 'task_error_file_too_large', params: { mb: 3 } });
    expect(await db.task.count()).toBe(tasksBefore);

    const old = await createTask({ db, actor: owner, kind: FAIL.kind, input: {}, now: new Date(Date.now() - 48 * 3600_000) });
    await createTask({ db, actor: owner, kind: FAIL.kind, input: {} });
    expect(await db.task.findUnique({ where: { id: old.id } })).toBeNull();
  });
});

afterAll(async () => {
  await stopJobQueue();
});
