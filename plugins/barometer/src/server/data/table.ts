import { publicProcedure } from '@passerelle/trpc';
import { toLocale } from '../../services/citation.ts';
import { tableExport } from '../../services/exports.ts';
import { notFound } from './not-found.ts';
import { ZExportTableInput } from './schemas.ts';

/** One released table (indicator × breakdown, latest or a given version) with its documented fields, for CSV/XLSX/JSON. */
export const table = publicProcedure.input(ZExportTableInput).query(async ({ ctx, input }) => {
  const t = await tableExport({ db: ctx.db, year: input.year, indicatorId: input.indicatorId, breakdown: input.breakdown, ...(input.version === undefined ? {} : { number: input.version }), locale: toLocale(input.lang ?? ctx.locale), origin: ctx.origin });
  if (!t) throw notFound();
  return t;
});
