import { publicProcedure } from '@passerelle/trpc';
import { codebook, datasetRows } from '../../services/open-data.ts';
import { ZDataset } from '../schemas.ts';

/** One dataset with its codebook (vote totals only once the results are published). */
export const dataset = publicProcedure.input(ZDataset).query(async ({ ctx, input }) => ({
  codebook: codebook(input.name, (key) => ctx.translate(key)),
  rows: await datasetRows({ db: ctx.db, slug: input.slug, name: input.name, locale: ctx.locale })
}));
