import { AppError, publicProcedure } from '@passerelle/trpc';
import { consultationBySlug } from '../../services/consultations.ts';
import { results } from '../../services/results.ts';
import { ZBySlug } from '../schemas.ts';

/** The published results; before publication nobody sees vote counts here (staff use vote.results). */
export const get = publicProcedure.input(ZBySlug).query(async ({ ctx, input }) => {
  const c = await consultationBySlug(ctx.db, input.slug);
  if (!c.resultsPublishedAt) throw new AppError('NOT_FOUND', 'results not published', { messageKey: 'ideas_error_results_hidden' });
  return results({ db: ctx.db, consultationId: c.id });
});
