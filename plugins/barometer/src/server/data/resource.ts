import { publicProcedure } from '@passerelle/trpc';
import { packageVersion, resourceRows, RESOURCES } from '../../services/datapackage.ts';
import { notFound } from './not-found.ts';
import { ZResourceInput } from './schemas.ts';

/** One resource of a released version's data package (all its estimates, the indicator codebook, the levels). */
export const resource = publicProcedure.input(ZResourceInput).query(async ({ ctx, input }) => {
  const version = await packageVersion(ctx.db, input.year, input.version);
  if (!version) throw notFound();
  return { version, name: input.name, fields: RESOURCES[input.name].fields, rows: await resourceRows(ctx.db, version, input.name) };
});
