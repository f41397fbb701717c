import { withPermission } from '@passerelle/trpc';
import { requireOrganisation } from '../../services/access.ts';
import { ACTIVITY_IMPORT_MAX_BYTES } from '../../services/activity-import.ts';
import { startImportTask } from '../../services/import-tasks.ts';
import { activityImportTask } from '../tasks.ts';
import { ZActivityImportStart } from '../schemas.ts';

/** Checks a CSV file of past sessions, or imports the file checked before, as a task with progress. */
export const startImport = withPermission('epn-survey.activity.record')
  .input(ZActivityImportStart)
  .mutation(({ ctx, input }) => {
    requireOrganisation(ctx.actor, input.organisationId);
    return startImportTask({
      db: ctx.db,
      actor: ctx.actor,
      kind: activityImportTask.kind,
      input: { organisationId: input.organisationId, dryRun: input.dryRun, fileName: input.fileName },
      file: input.file,
      fromTask: input.fromTask,
      fileName: input.fileName,
      contentType: 'text/csv',
      maxBytes: ACTIVITY_IMPORT_MAX_BYTES,
      returnTo: '/epn/manage/activity/import'
    });
  });
