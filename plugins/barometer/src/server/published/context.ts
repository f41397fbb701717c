import type { BarometerContextFigure } from '@passerelle/trpc';
import { publicProcedure } from '@passerelle/trpc';
import { loadMicrodata } from '../../services/editions.ts';
import { publishedVersion } from '../../services/published.ts';
import { COMMUNES } from '../../services/variables.ts';
import { ZContextInput } from './schemas.ts';

// MINIMAL version (helper P): context figures from other plugins for a released year, with the
// population per commune = Σ weights of the edition's respondents. Helper D's version replaces this file.

export const context = publicProcedure.input(ZContextInput).query(async ({ ctx, input }): Promise<{ figures: BarometerContextFigure[] }> => {
  const providers = ctx.bridges?.barometerContext ?? [];
  const version = await publishedVersion(ctx.db, input.year);
  if (!version || providers.length === 0) return { figures: [] };
  const population: Record<string, number> = {};
  const data = await loadMicrodata(ctx.db, (await ctx.db.barometerVersion.findUniqueOrThrow({ where: { id: version.versionId }, select: { editionId: true } })).editionId);
  const commune = data?.variables.commune;
  if (data && commune) {
    for (let i = 0; i < data.n; i++) {
      const code = COMMUNES[commune[i]!];
      if (code) population[code] = (population[code] ?? 0) + data.weight[i]!;
    }
  }
  const figures = (await Promise.all(providers.map((p) => p({ db: ctx.db, year: input.year, population }).catch(() => [])))).flat();
  return { figures };
});
