import { withPermission } from '@passerelle/trpc';
import type { ActivityImportReport } from '../../services/activity-import.ts';
import { importTaskView } from '../../services/import-tasks.ts';
import { activityImportTask } from '../tasks.ts';
import { ZId } from '../schemas.ts';

/** A sessions import the caller started: its state, and its report when done. */
export const importTask = withPermission('epn-survey.activity.record')
  .input(ZId)
  .query(({ ctx, input }) => importTaskView<{ organisationId: string; dryRun: boolean; fileName: string }, ActivityImportReport>({ db: ctx.db, actor: ctx.actor, id: input.id, kind: activityImportTask.kind }));
