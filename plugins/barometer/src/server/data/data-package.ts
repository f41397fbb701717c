import { publicProcedure } from '@passerelle/trpc';
import { toLocale } from '../../services/citation.ts';
import { dataPackage, packageVersion } from '../../services/datapackage.ts';
import { notFound } from './not-found.ts';
import { ZDataPackageInput } from './schemas.ts';

/** The Frictionless datapackage.json of a released version (the latest of the year when none is given). */
export const datapackage = publicProcedure.input(ZDataPackageInput).query(async ({ ctx, input }) => {
  const version = await packageVersion(ctx.db, input.year, input.version);
  if (!version) throw notFound();
  return dataPackage({ version, origin: ctx.origin, locale: toLocale(input.lang ?? ctx.locale) });
});
