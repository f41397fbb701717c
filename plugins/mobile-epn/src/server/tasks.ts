import type { QueueDefinition, TaskDefinition } from '@passerelle/jobs';
import { runReminders } from '../services/reminders.ts';

/** Long-running tasks people start (none yet). */
export const mobileEpnTasks: readonly TaskDefinition<never>[] = [];

/** Reminder emails, 24 hours before each session (services/reminders.ts: claimed before sending, never twice). */
export const REMINDER_QUEUE = 'mobile-epn-reminders';

export const reminderQueue: QueueDefinition = {
  name: REMINDER_QUEUE,
  // Every minute, once across all app servers (pg-boss schedules it in the database).
  cron: '* * * * *',
  // A failed run is simply the next minute's run; a failed send is retried there (see reminders.ts).
  retryLimit: 0,
  expireInSeconds: 600,
  handler: async (_data, { db, sendMail }) => runReminders({ db, sendMail })
};

/** Background jobs: session reminders. */
export const mobileEpnJobs: QueueDefinition[] = [reminderQueue];
