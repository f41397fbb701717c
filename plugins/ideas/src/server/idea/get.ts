import { publicProcedure } from '@passerelle/trpc';
import { isStaffLike } from '../../services/access.ts';
import { consultationBySlug } from '../../services/consultations.ts';
import { getIdea } from '../../services/ideas.ts';
import { ZGetIdea } from '../schemas.ts';

export const get = publicProcedure.input(ZGetIdea).query(async ({ ctx, input }) => {
  const c = await consultationBySlug(ctx.db, input.slug);
  return getIdea({ db: ctx.db, consultationId: c.id, number: input.number, locale: ctx.locale, viewerId: ctx.actor?.id ?? null, staff: isStaffLike(ctx.permissions) });
});
