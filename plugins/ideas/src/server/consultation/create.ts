import { withPermission } from '@passerelle/trpc';
import { createConsultation } from '../../services/consultations.ts';
import { ZCreateConsultation } from '../schemas.ts';

export const create = withPermission('ideas.consultation.manage')
  .input(ZCreateConsultation)
  .mutation(async ({ ctx, input }) => {
    const { categories, ...rest } = input;
    const c = await createConsultation({ db: ctx.db, actorId: ctx.actor.id, input: rest, categories });
    return { id: c.id, slug: c.slug };
  });
