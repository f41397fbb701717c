import { publicProcedure } from '@passerelle/trpc';
import { publishedTrend } from '../../services/published.ts';
import { ZTrendInput } from './schemas.ts';

/** One cell (indicator, breakdown, level) across the released editions, with the change from the previous one and its significance. */
export const trend = publicProcedure.input(ZTrendInput).query(({ ctx, input }) => publishedTrend(ctx.db, input));
