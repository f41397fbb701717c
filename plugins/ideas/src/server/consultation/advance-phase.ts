import { withPermission } from '@passerelle/trpc';
import { advancePhase as advance } from '../../services/consultations.ts';
import { currentPhase } from '../../services/phases.ts';
import { ZAdvancePhase } from '../schemas.ts';

/** Staff open the next phase before its date. */
export const advancePhase = withPermission('ideas.consultation.manage')
  .input(ZAdvancePhase)
  .mutation(async ({ ctx, input }) => {
    const c = await advance({ db: ctx.db, actorId: ctx.actor.id, id: input.id, to: input.to });
    return { phase: currentPhase(c) };
  });
