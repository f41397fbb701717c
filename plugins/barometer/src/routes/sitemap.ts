import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { barometerCaller } from '../server/router.ts';

// The barometer's part of the app's /sitemap.xml: the overview, each released edition's page and each
// indicator page per released year. Released versions only (through the public procedures): an
// embargoed edition is absent until its release time. Paths are unlocalized; the app adds the languages.

export interface SitemapEntry {
  /** Path without the language prefix, possibly with a query ("/barometer/indicators/non_users?year=2025"). */
  path: string;
  /** ISO time of the latest release behind the page. */
  lastmod: string;
}

export async function sitemapEntries(event: PluginEvent): Promise<SitemapEntry[]> {
  const { editions, indicators } = await barometerCaller(event).data.sitemap();
  if (editions.length === 0) return [];
  const newest = editions.map((e) => e.lastmod).sort().at(-1)!;
  const lastmodOf = new Map(editions.map((e) => [e.year, e.lastmod]));
  return [
    { path: '/barometer', lastmod: newest },
    ...editions.map((e) => ({ path: `/barometer/editions/${e.year}`, lastmod: e.lastmod })),
    ...indicators.flatMap((i) => i.years.map((year) => ({ path: `/barometer/indicators/${i.id}?year=${year}`, lastmod: lastmodOf.get(year)! })))
  ];
}
