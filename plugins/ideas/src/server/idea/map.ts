import { publicProcedure } from '@passerelle/trpc';
import { consultationBySlug } from '../../services/consultations.ts';
import { mapData } from '../../services/ideas.ts';
import { ZBySlug } from '../schemas.ts';

/** Ideas per commune and as points, for the map page and its list. */
export const map = publicProcedure.input(ZBySlug).query(async ({ ctx, input }) => {
  const c = await consultationBySlug(ctx.db, input.slug);
  return mapData({ db: ctx.db, consultationId: c.id, locale: ctx.locale });
});
