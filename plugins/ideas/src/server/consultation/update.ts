import { withPermission } from '@passerelle/trpc';
import { updateConsultation } from '../../services/consultations.ts';
import { ZUpdateConsultation } from '../schemas.ts';

export const update = withPermission('ideas.consultation.manage')
  .input(ZUpdateConsultation)
  .mutation(async ({ ctx, input }) => {
    const c = await updateConsultation({ db: ctx.db, actorId: ctx.actor.id, id: input.id, input: input.input });
    return { id: c.id, slug: c.slug };
  });
