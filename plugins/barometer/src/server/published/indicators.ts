import { publicProcedure } from '@passerelle/trpc';
import { AppError } from '@passerelle/trpc';
import { cacheKey, pageCache } from '../../services/page-cache.ts';
import { publishedEditions, versionEstimates, versionIndicators } from '../../services/published.ts';
import { ZIndicatorsInput } from './schemas.ts';

/** The indicators of a released year (the latest when year is omitted), each with its overall figure. */
export const indicators = publicProcedure.input(ZIndicatorsInput).query(async ({ ctx, input }) => {
  const editions = await publishedEditions(ctx.db);
  const version = input.year === undefined ? editions.at(-1) : editions.find((e) => e.year === input.year);
  if (!version) throw new AppError('NOT_FOUND');
  return pageCache.get(cacheKey('indicators', editions.map((e) => e.versionId), { year: version.year }), async () => {
    const overall = new Map((await versionEstimates(ctx.db, version.versionId, { breakdown: 'overall' })).map((e) => [e.indicatorId, e]));
    const list = await versionIndicators(ctx.db, version.versionId);
    return { version, indicators: list.map((indicator) => ({ indicator, overall: overall.get(indicator.id) ?? null })) };
  });
});
