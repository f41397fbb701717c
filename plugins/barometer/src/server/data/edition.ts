import { publicProcedure } from '@passerelle/trpc';
import { t } from '@passerelle/i18n';
import { citation, citations, releaseDay, toLocale } from '../../services/citation.ts';
import { versionBreakdowns } from '../../services/exports.ts';
import { publishedVersions, versionIndicators } from '../../services/published.ts';
import { notFound } from './not-found.ts';
import { ZEditionInput } from './schemas.ts';

/**
 * A released edition for researchers: its released versions newest first (the public corrections log:
 * release date, what each correction changed, the citation), and the tables of the latest version.
 */
export const edition = publicProcedure.input(ZEditionInput).query(async ({ ctx, input }) => {
  const locale = toLocale(input.lang ?? ctx.locale);
  const versions = await publishedVersions(ctx.db, input.year);
  const latest = versions[0];
  if (!latest) throw notFound();
  const indicators = await versionIndicators(ctx.db, latest.versionId);
  return {
    year: input.year,
    synthetic: latest.synthetic,
    syntheticLabel: latest.synthetic ? t('barometer_data_synthetic_label', undefined, { locale }) : null,
    latest: latest.number,
    versions: versions.map((v) => ({
      number: v.number,
      releasedAt: v.releaseAt.toISOString(),
      releaseDate: releaseDay(v),
      source: v.source,
      correctionNote: v.correctionNote,
      citation: citation({ version: v, origin: ctx.origin, locale }),
      citations: citations({ version: v, origin: ctx.origin })
    })),
    indicators: indicators.map((i) => ({ id: i.id, name: i.name[locale] })),
    breakdowns: await versionBreakdowns(ctx.db, latest)
  };
});
