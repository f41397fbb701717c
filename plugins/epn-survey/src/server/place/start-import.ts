import { withPermission } from '@passerelle/trpc';
import { requireOrganisation } from '../../services/access.ts';
import { startImportTask } from '../../services/import-tasks.ts';
import { IMPORT_MAX_BYTES } from '../../services/place-format.ts';
import { placeImportTask } from '../tasks.ts';
import { ZPlaceImportStart } from '../schemas.ts';

/** Checks a directory file, or imports the file checked before, as a task with progress. */
export const startImport = withPermission('epn-survey.place.manage')
  .input(ZPlaceImportStart)
  .mutation(({ ctx, input }) => {
    // Without an organisation, each row names its own; the import checks each of them.
    if (input.organisationId) requireOrganisation(ctx.actor, input.organisationId);
    return startImportTask({
      db: ctx.db,
      actor: ctx.actor,
      kind: placeImportTask.kind,
      input: { organisationId: input.organisationId, format: input.format, dryRun: input.dryRun, fileName: input.fileName },
      file: input.file,
      fromTask: input.fromTask,
      fileName: input.fileName,
      contentType: input.format === 'json' ? 'application/json' : 'text/csv',
      maxBytes: IMPORT_MAX_BYTES,
      returnTo: '/epn/manage/places/import'
    });
  });
