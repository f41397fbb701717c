import { withPermission } from '@passerelle/trpc';
import { importPlaces } from '../../services/place-import.ts';
import { ZPlaceImport } from '../schemas.ts';

/** The validation report of a directory file (mednum Belgian profile, CSV or JSON). Stores nothing. */
export const checkImport = withPermission('epn-survey.place.manage')
  .input(ZPlaceImport)
  .mutation(({ ctx, input }) => importPlaces({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, format: input.format, upload: input.file, dryRun: true }));
