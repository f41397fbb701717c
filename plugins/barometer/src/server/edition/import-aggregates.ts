import { withPermission } from '@passerelle/trpc';
import { importAggregates as importAggregatesService } from '../../services/aggregates.ts';
import { ZImportAggregates } from './schemas.ts';

/** Staff: published aggregates (for a year without microdata) into the edition's draft; all or nothing, with a report. */
export const importAggregates = withPermission('barometer.edition.manage')
  .input(ZImportAggregates)
  .mutation(({ ctx, input }) => importAggregatesService({ db: ctx.db, actor: ctx.actor, editionId: input.editionId, upload: input.file, fileName: input.fileName, ...(input.correctionNote ? { correctionNote: input.correctionNote } : {}) }));
