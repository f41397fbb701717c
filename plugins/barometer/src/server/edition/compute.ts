import { withPermission } from '@passerelle/trpc';
import { computeDraft } from '../../services/editions.ts';
import { ZCompute } from './schemas.ts';

/** Staff: computes the draft from the stored microdata (a correction of a released version needs a note in FR, NL and EN). */
export const compute = withPermission('barometer.edition.manage')
  .input(ZCompute)
  .mutation(({ ctx, input }) => computeDraft({ db: ctx.db, actor: ctx.actor, editionId: input.editionId, ...(input.correctionNote ? { correctionNote: input.correctionNote } : {}) }));
