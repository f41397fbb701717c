import { t } from '@passerelle/i18n';
import type { Db } from '@passerelle/db';
import { citation, citations, editionPageUrl, releaseDay, versionFilesBase, type Locale } from './citation.ts';
import { ESTIMATE_FIELDS, fieldDescription, INDICATOR_FIELDS, LEVEL_FIELDS, levelRows, versionBreakdowns, versionEstimateRows, versionIndicatorRows, type Field, type Row } from './exports.ts';
import { publishedVersion, type PublishedVersion } from './published.ts';

// A Frictionless data package (https://specs.frictionlessdata.io, profile tabular-data-package) per
// released version: the estimates, the indicator codebook and the breakdown levels as CSV resources at
// stable, versioned URLs (a released version never changes, so they can be cached for good), with their
// table schemas, the licence, the sources, the version, its release date, the citation and, for demo
// editions, the synthetic label.

export const RESOURCES = {
  estimates: { fields: ESTIMATE_FIELDS, primaryKey: ['indicator', 'breakdown', 'level'] },
  indicators: { fields: INDICATOR_FIELDS, primaryKey: ['indicator'] },
  levels: { fields: LEVEL_FIELDS, primaryKey: ['breakdown', 'level'] }
} as const satisfies Record<string, { fields: readonly Field[]; primaryKey: string[] }>;
export type ResourceName = keyof typeof RESOURCES;
export const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[];

export const LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' };

/** The table schema of a resource, in the frictionless shape. */
export function tableSchema(name: ResourceName, locale: Locale) {
  const r = RESOURCES[name];
  return {
    fields: r.fields.map((f) => ({ name: f.name, type: f.type, description: fieldDescription(f, locale), ...(f.type === 'boolean' ? { trueValues: ['TRUE'], falseValues: ['FALSE'] } : {}), ...(f.constraints ? { constraints: f.constraints } : {}) })),
    primaryKey: [...r.primaryKey],
    missingValues: [''],
    ...(name === 'estimates' ? { foreignKeys: [{ fields: ['indicator'], reference: { resource: 'indicators', fields: ['indicator'] } }, { fields: ['breakdown', 'level'], reference: { resource: 'levels', fields: ['breakdown', 'level'] } }] } : {})
  };
}

/** The rows of one resource of a released version. */
export async function resourceRows(db: Db, version: PublishedVersion, name: ResourceName): Promise<Row[]> {
  if (name === 'estimates') return versionEstimateRows(db, version);
  if (name === 'indicators') return versionIndicatorRows(db, version);
  return levelRows(await versionBreakdowns(db, version));
}

/** The released version asked for (the latest of the year when number is omitted), or null. */
export const packageVersion = (db: Db, year: number, number?: number, now?: Date) => publishedVersion(db, year, number, now);

/** The datapackage.json descriptor of a released version. */
export function dataPackage({ version, origin, locale }: { version: PublishedVersion; origin: string; locale: Locale }) {
  const base = versionFilesBase(origin, version.year, version.number);
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });
  return {
    profile: 'tabular-data-package',
    name: `brussels-digital-inclusion-barometer-${version.year}${version.synthetic ? '-synthetic' : ''}`,
    id: `${base}/datapackage.json`,
    title: tr('barometer_data_package_title', { year: version.year, version: version.number }) + (version.synthetic ? ` — ${tr('barometer_data_synthetic_label')}` : ''),
    description: [tr('barometer_data_package_description'), tr('barometer_data_disclosure_note'), version.synthetic ? tr('barometer_data_synthetic_label') : null].filter(Boolean).join(' '),
    version: String(version.number),
    created: version.releaseAt.toISOString(),
    homepage: editionPageUrl({ origin, year: version.year, number: version.number, locale }),
    keywords: ['digital inclusion', 'digital skills', 'DSI 2.0', 'Brussels', 'survey estimates'],
    licenses: [LICENSE],
    sources: [{ title: tr('barometer_data_source_survey'), path: 'https://statbel.fgov.be/' }, { title: tr('barometer_data_source_dsi') }],
    contributors: [{ title: tr('barometer_data_publisher'), role: 'publisher' }],
    // Custom properties (allowed by the spec): what researchers need to cite and to trust the figures.
    barometer: {
      edition: version.year,
      version: version.number,
      releaseDate: releaseDay(version),
      releasedAt: version.releaseAt.toISOString(),
      synthetic: version.synthetic,
      syntheticLabel: version.synthetic ? tr('barometer_data_synthetic_label') : null,
      correctionNote: version.correctionNote?.[locale] ?? null,
      citation: citation({ version, origin, locale }),
      citations: citations({ version, origin }),
      source: version.source
    },
    resources: RESOURCE_NAMES.map((name) => ({
      name,
      path: `${base}/${name}.csv`,
      profile: 'tabular-data-resource',
      title: tr(`barometer_data_resource_${name}`),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', header: true },
      schema: tableSchema(name, locale)
    }))
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
