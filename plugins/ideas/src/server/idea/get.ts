import { publicProcedure } from '@passerelle/trpc';
import { isStaffLike } from '../../services/access.ts';
import { getIdea } from '../../services/ideas.ts';
import { ZGetIdea } from '../schemas.ts';

export const get = publicProcedure.input(ZGetIdea).query(({ ctx, input }) => {
  return getIdea({ db: ctx.db, slug: input.slug, number: input.number, locale: ctx.locale, viewerId: ctx.actor?.id ?? null, staff: isStaffLike(ctx.permissions) });
});
