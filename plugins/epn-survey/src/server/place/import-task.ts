import { withPermission } from '@passerelle/trpc';
import type { PlaceFileFormat, PlaceImportReport } from '../../services/place-import.ts';
import { importTaskView } from '../../services/import-tasks.ts';
import { placeImportTask } from '../tasks.ts';
import { ZId } from '../schemas.ts';

/** A directory import the caller started: its state, and its report when done. */
export const importTask = withPermission('epn-survey.place.manage')
  .input(ZId)
  .query(({ ctx, input }) => importTaskView<{ organisationId: string | null; format: PlaceFileFormat; dryRun: boolean; fileName: string }, PlaceImportReport>({ db: ctx.db, actor: ctx.actor, id: input.id, kind: placeImportTask.kind }));
