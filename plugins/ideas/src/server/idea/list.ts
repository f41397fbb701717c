import { publicProcedure } from '@passerelle/trpc';
import { isStaffLike } from '../../services/access.ts';
import { consultationBySlug } from '../../services/consultations.ts';
import { listIdeas } from '../../services/ideas.ts';
import { ZListIdeas } from '../schemas.ts';

/** Published ideas of a consultation, filtered and paginated. */
export const list = publicProcedure.input(ZListIdeas).query(async ({ ctx, input }) => {
  const { slug, ...filters } = input;
  const c = await consultationBySlug(ctx.db, slug);
  return listIdeas({ db: ctx.db, consultationId: c.id, filters, locale: ctx.locale, viewerId: ctx.actor?.id ?? null, staff: isStaffLike(ctx.permissions) });
});
