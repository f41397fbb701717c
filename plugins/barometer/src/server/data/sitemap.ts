import { publicProcedure } from '@passerelle/trpc';
import { publishedEditions, versionIndicators } from '../../services/published.ts';

/** What the sitemap lists: the released editions (with the time of their latest release) and each indicator's years. */
export const sitemap = publicProcedure.query(async ({ ctx }) => {
  const editions = await publishedEditions(ctx.db);
  const indicators = new Map<string, { years: number[]; lastmod: Date }>();
  for (const e of editions) {
    for (const i of await versionIndicators(ctx.db, e.versionId)) {
      const entry = indicators.get(i.id) ?? { years: [], lastmod: e.releaseAt };
      entry.years.push(e.year);
      if (e.releaseAt > entry.lastmod) entry.lastmod = e.releaseAt;
      indicators.set(i.id, entry);
    }
  }
  return {
    editions: editions.map((e) => ({ year: e.year, lastmod: e.releaseAt.toISOString() })),
    indicators: [...indicators].map(([id, v]) => ({ id, years: v.years, lastmod: v.lastmod.toISOString() }))
  };
});
