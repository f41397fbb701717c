import { withPermission } from '@passerelle/trpc';
import { importPlaces } from '../../services/place-import.ts';
import { ZPlaceImport } from '../schemas.ts';

/** Imports a directory file: every row or none (`stored` false and the report if any row is wrong). Audited. */
export const importFile = withPermission('epn-survey.place.manage')
  .input(ZPlaceImport)
  .mutation(({ ctx, input }) => importPlaces({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, format: input.format, upload: input.file, dryRun: false }));
