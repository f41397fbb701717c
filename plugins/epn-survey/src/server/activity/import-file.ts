import { withPermission } from '@passerelle/trpc';
import { importActivities } from '../../services/activity-import.ts';
import { ZActivityImport } from '../schemas.ts';

/** Imports a CSV file of past sessions: every row or none (`stored` false and the report if any row is wrong). */
export const importFile = withPermission('epn-survey.activity.record')
  .input(ZActivityImport)
  .mutation(({ ctx, input }) => importActivities({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, upload: input.file, dryRun: false }));
