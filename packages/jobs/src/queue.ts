// The job queue: pg-boss on the application's own database connection. On PostgreSQL it shares the pg
// pool; on the embedded database (PGlite, one connection in this process) it runs its statements on the
// same instance, so `pnpm start` needs nothing more. Jobs are rows in the `pgboss` schema: they survive
// a restart, and a job is handed to one worker at a time (SELECT … FOR UPDATE SKIP LOCKED).
import PgBoss from 'pg-boss';
import { sqlOf, type Db } from '@passerelle/db';
import type { OutgoingMail } from '@passerelle/trpc';

/** What a job handler gets besides its data: the database and, when the app gave one, the mailer. */
export interface JobContext {
  id: string;
  retryCount: number;
  db: Db;
  /** Sends an email (throws when the queue was started without a mailer). */
  sendMail: (message: OutgoingMail) => Promise<void>;
}

export type JobHandler = (data: Record<string, unknown>, job: JobContext) => Promise<unknown>;

export interface QueueDefinition {
  name: string;
  handler: JobHandler;
  /** Attempts after the first one (a crashed or failed run is retried). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A run still active after this long is considered lost (the process died) and retried. */
  expireInSeconds?: number;
  /** Also run on this schedule (cron, Europe/Brussels time); once across all app servers. */
  cron?: string;
}

interface Running {
  boss: PgBoss;
  db: Db;
  /** Worker ids of this process, by queue name. */
  workers: Map<string, string[]>;
}

// On globalThis: the built server bundles its own copy of this module (see @passerelle/db sql.ts).
const KEY = Symbol.for('passerelle.jobs.queue');
const slot = globalThis as { [KEY]?: Running };

/** pg-boss's database interface on top of sqlOf(db): parameterised statements, or scripts without parameters. */
function bossDb(db: Db): PgBoss.Db {
  const sql = sqlOf(db);
  const script = sql.script;
  if (!script) throw new Error('The job queue needs a database opened by @passerelle/db (pg pool or PGlite).');
  return {
    async executeSql(text: string, values: unknown[]) {
      return { rows: values && values.length ? await sql.query(text, values) : await script(text) };
    }
  };
}

export interface StartOptions {
  db: Db;
  queues: readonly QueueDefinition[];
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
  /** How jobs send email outside a request (the app's SMTP mailer). */
  sendMail?: (message: OutgoingMail) => Promise<void>;
}

const noMailer = async () => {
  throw new Error('The job queue was started without a mailer (startJobQueue({ sendMail })).');
};

/** Starts the queue and its workers (once per process; later calls return the running queue). */
export async function startJobQueue({ db, queues, pollingIntervalSeconds = 1, onError, sendMail = noMailer }: StartOptions): Promise<PgBoss> {
  if (slot[KEY]) return slot[KEY].boss;
  const boss = new PgBoss({ db: bossDb(db), schedule: queues.some((q) => q.cron), supervise: true, migrate: true });
  boss.on('error', (e: Error) => onError?.(e));
  await boss.start();
  const workers = new Map<string, string[]>();
  for (const q of queues) {
    await boss.createQueue(q.name, { name: q.name, retryLimit: q.retryLimit ?? 2, retryDelay: q.retryDelaySeconds ?? 5, expireInSeconds: q.expireInSeconds ?? 3600 });
    const id = await boss.work<Record<string, unknown>>(q.name, { batchSize: 1, pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
      if (job) return q.handler(job.data, { id: job.id, retryCount: job.retryCount, db, sendMail });
    });
    if (q.cron) await boss.schedule(q.name, q.cron, {}, { tz: 'Europe/Brussels' });
    workers.set(q.name, [...(workers.get(q.name) ?? []), id]);
  }
  slot[KEY] = { boss, db, workers };
  return boss;
}

/** The running queue (throws when none was started in this process). */
export function jobQueue(): PgBoss {
  const running = slot[KEY];
  if (!running) throw new Error('The job queue is not started (startJobQueue).');
  return running.boss;
}

/** Sends a job and wakes this process's idle workers of that queue, instead of waiting for their next poll. */
export async function sendJob(name: string, data: Record<string, unknown>): Promise<void> {
  const running = slot[KEY];
  if (!running) throw new Error('The job queue is not started (startJobQueue).');
  await running.boss.send(name, data);
  for (const id of running.workers.get(name) ?? []) running.boss.notifyWorker(id);
}

export function jobQueueStarted(): boolean {
  return !!slot[KEY];
}

/** Stops the workers, letting running jobs finish (up to `timeoutMs`). */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const running = slot[KEY];
  if (!running) return;
  slot[KEY] = undefined;
  await running.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
