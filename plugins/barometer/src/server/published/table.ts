import { publicProcedure } from '@passerelle/trpc';
import { AppError } from '@passerelle/trpc';
import { publishedTable } from '../../services/published.ts';
import { ZTableInput } from './schemas.ts';

/** One released table: an indicator in one breakdown, disclosure control applied. */
export const table = publicProcedure.input(ZTableInput).query(async ({ ctx, input }) => {
  const t = await publishedTable(ctx.db, input);
  if (!t) throw new AppError('NOT_FOUND');
  return t;
});
