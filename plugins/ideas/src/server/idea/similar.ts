import { publicProcedure } from '@passerelle/trpc';
import { consultationBySlug } from '../../services/consultations.ts';
import { similarIdeas } from '../../services/ideas.ts';
import { ZSimilar } from '../schemas.ts';

/** Ideas that look like the title being typed (duplicate detection). */
export const similar = publicProcedure.input(ZSimilar).query(async ({ ctx, input }) => {
  const c = await consultationBySlug(ctx.db, input.slug);
  return similarIdeas({ db: ctx.db, consultationId: c.id, text: input.text, ...(input.excludeId ? { excludeId: input.excludeId } : {}) });
});
