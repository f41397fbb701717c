import { z } from 'zod';
import { publicProcedure } from '@passerelle/trpc';
import { overview as loadOverview } from '../../services/overview.ts';
import { easyRead } from '../../services/overview-text.ts';

/** The regional overview: headline figures of the latest released edition with their change, and easy-read sentences in the visitor's language. Null when nothing is released. */
export const overview = publicProcedure.input(z.object({}).default({})).query(async ({ ctx }) => {
  const o = await loadOverview(ctx.db);
  return o ? { ...o, easyRead: easyRead(o, ctx.locale) } : null;
});
