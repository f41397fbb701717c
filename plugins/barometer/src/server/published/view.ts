import { publicProcedure } from '@passerelle/trpc';
import { AppError } from '@passerelle/trpc';
import { indicatorPage, type Tab } from '../../services/overview.ts';
import { ZViewInput } from './schemas.ts';

/** A view of an indicator page (year, breakdown, level, tab): its table, commune figures and trends. Unknown view values fall back to the defaults. */
export const view = publicProcedure.input(ZViewInput).query(async ({ ctx, input }) => {
  const params = new URLSearchParams();
  for (const k of ['year', 'by', 'level', 'tab'] as const) if (input[k] !== undefined) params.set(k, input[k]!);
  const page = await indicatorPage(ctx.db, { indicatorId: input.indicatorId, params, defaultTab: 'chart' satisfies Tab });
  if (!page) throw new AppError('NOT_FOUND');
  return page;
});
