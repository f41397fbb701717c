import type { QueueDefinition, TaskDefinition } from '@passerelle/jobs';

/** Long-running tasks people start (none yet). */
export const mobileEpnTasks: readonly TaskDefinition<never>[] = [];

/** Background jobs: session reminders. */
export const mobileEpnJobs: QueueDefinition[] = [];
