import { withPermission } from '@passerelle/trpc';
import { importActivities } from '../../services/activity-import.ts';
import { ZActivityImport } from '../schemas.ts';

/** The validation report of a CSV file of past sessions: what importing it would do. Stores nothing. */
export const checkImport = withPermission('epn-survey.activity.record')
  .input(ZActivityImport)
  .mutation(({ ctx, input }) => importActivities({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, upload: input.file, dryRun: true }));
