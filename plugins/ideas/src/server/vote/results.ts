import { publicProcedure } from '@passerelle/trpc';
import { AppError } from '@passerelle/trpc';
import { consultationBySlug } from '../../services/consultations.ts';
import { tally } from '../../services/votes.ts';
import { ZResults } from '../schemas.ts';

/** Vote totals per finalist: hidden from everyone but staff until the results are published. */
export const results = publicProcedure.input(ZResults).query(async ({ ctx, input }) => {
  const c = await consultationBySlug(ctx.db, input.slug);
  const staff = ctx.permissions.has('ideas.consultation.manage');
  if (!c.resultsPublishedAt && !staff) throw new AppError('NOT_FOUND', 'results not published', { messageKey: 'ideas_error_results_hidden' });
  return { published: c.resultsPublishedAt !== null, tally: await tally({ db: ctx.db, consultationId: c.id }) };
});
