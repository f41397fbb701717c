import { closeDb, getDb } from '@passerelle/db';
import { registerTasks, startJobQueue, stopJobQueue, taskQueue, type QueueDefinition, type TaskDefinition } from '@passerelle/jobs';
import { epnSurveyJobs, epnSurveyTasks } from '@passerelle/plugin-epn-survey/tasks';
import { mobileEpnJobs, mobileEpnTasks } from '@passerelle/plugin-mobile-epn/tasks';
import { barometerTasks } from '@passerelle/plugin-barometer/tasks';
import { log } from './log.ts';
import { sendMail } from './mail.ts';

/** The long-running tasks of each plugin (one line per plugin), run by the job queue. */
export const PLUGIN_TASKS: readonly TaskDefinition<never>[] = [...epnSurveyTasks, ...mobileEpnTasks, ...barometerTasks] as TaskDefinition<never>[];

/** Background jobs of each plugin (scheduled or sent by the plugin), one line per plugin. */
export const PLUGIN_JOBS: readonly QueueDefinition[] = [...epnSurveyJobs, ...mobileEpnJobs];

/** Starts the job queue and its workers in this server process (pg-boss on the app's database). */
export async function startJobs(): Promise<void> {
  const db = getDb();
  registerTasks(PLUGIN_TASKS);
  await startJobQueue({
    db,
    queues: [taskQueue((taskId, err) => log.error({ err, taskId }, 'task failed')), ...PLUGIN_JOBS],
    onError: (err) => log.error({ err }, 'job queue error'),
    // Jobs (reminders) send email outside a request, through the same SMTP mailer.
    sendMail
  });
  // adapter-node emits this on SIGINT/SIGTERM once the HTTP server has closed. Running jobs may finish
  // (up to 10 s; an interrupted one is retried elsewhere), then the database closes and the process ends
  // (the queue's timers and the pool would otherwise keep it alive).
  process.once('sveltekit:shutdown' as 'beforeExit', () => {
    void (async () => {
      await stopJobQueue().catch((err: unknown) => log.error({ err }, 'job queue stop failed'));
      await closeDb().catch(() => undefined);
      process.exit(0);
    })();
  });
}
