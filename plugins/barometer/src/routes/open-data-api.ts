import { json } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describeError } from '@passerelle/trpc';
import { t } from '@passerelle/i18n';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { barometerCaller } from '../server/router.ts';
import { toLocale, type Locale } from '../services/citation.ts';
import { aboutLines, tableFileName, toCsv, toXlsx, type Row } from '../services/exports.ts';
import { RESOURCES, type ResourceName } from '../services/datapackage.ts';

// The public read-only API of the barometer (no login, no cookies needed; any site may read it).
// Released versions only (everything goes through services/published.ts); microdata is never served.
//   GET /api/barometer/v1/editions
//   GET /api/barometer/v1/editions/{year}                                   versions, corrections log, citations
//   GET /api/barometer/v1/editions/{year}/indicators/{id}.{csv|xlsx|json}   ?by=commune&version=N&lang=fr|nl|en
//   GET /api/barometer/v1/editions/{year}/datapackage.json                  ?version=N&lang=
//   GET /api/barometer/v1/editions/{year}/versions/{n}/{datapackage.json|estimates.csv|indicators.csv|levels.csv}
// A released answer is cacheable (a version never changes: the versioned files for a day, the "latest"
// ones for five minutes, so that a correction shows soon). Anything not released answers 404 with
// cache-control: no-store, so that a cached "not found" can never delay a release.

const CORS = { 'access-control-allow-origin': '*' };
const LATEST = { ...CORS, 'cache-control': 'public, max-age=300' };
const VERSIONED = { ...CORS, 'cache-control': 'public, max-age=86400' };
const NO_STORE = { ...CORS, 'cache-control': 'no-store' };

function langOf(event: PluginEvent): Locale {
  return toLocale(event.url.searchParams.get('lang'), toLocale(event.locals.ctx.locale));
}

/** ?version=N, or undefined when absent or empty (zod rejects anything else). */
function versionParam(event: PluginEvent): string | undefined {
  const v = event.url.searchParams.get('version');
  return v === null || v === '' ? undefined : v;
}

function notFound(locale: Locale): Response {
  return json({ error: 'NOT_FOUND', message: t('barometer_data_not_found', undefined, { locale }) }, { status: 404, headers: NO_STORE });
}

/** Runs the procedure; a refusal (not found, not released, bad parameter, plugin off) becomes a translated JSON error that no one caches. */
async function answer(event: PluginEvent, run: (locale: Locale) => Promise<Response>): Promise<Response> {
  const locale = langOf(event);
  try {
    return await run(locale);
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const status = getHTTPStatusCodeFromError(e);
    if (status === 404) return notFound(locale);
    const d = describeError(e);
    return json({ error: e.code, message: t(d.messageKey, d.params, { locale }) }, { status, headers: NO_STORE });
  }
}

const csvResponse = (body: string, fileName: string, headers: Record<string, string>) =>
  new Response(body, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` } });

/** The released editions: year, version number, release time, synthetic flag, correction note. */
export function editions(event: PluginEvent) {
  return answer(event, async () => json(await barometerCaller(event).published.editions(), { headers: LATEST }));
}

/** One edition: its released versions (newest first) with release dates, correction notes and citations, and its tables. */
export function edition(event: PluginEvent<{ year: string }>) {
  return answer(event, async (lang) => {
    const data = await barometerCaller(event).data.edition({ year: event.params.year as unknown as number, lang });
    const base = `/api/barometer/v1/editions/${data.year}`;
    return json(
      {
        ...data,
        links: {
          datapackage: `${base}/datapackage.json`,
          versions: data.versions.map((v) => ({ number: v.number, datapackage: `${base}/versions/${v.number}/datapackage.json`, estimates: `${base}/versions/${v.number}/estimates.csv` })),
          table: `${base}/indicators/{indicator}.{csv|xlsx|json}?by={breakdown}&version={number}`
        }
      },
      { headers: LATEST }
    );
  });
}

/** One table: /indicators/{id}.{csv|xlsx|json}?by=&version=&lang= */
export function indicatorFile(event: PluginEvent<{ year: string; file: string }>) {
  return answer(event, async (lang) => {
    const m = /^([a-z][a-z0-9_]{0,63})\.(csv|xlsx|json)$/.exec(event.params.file);
    if (!m) return notFound(lang);
    const [, indicatorId, format] = m as unknown as [string, string, 'csv' | 'xlsx' | 'json'];
    const version = versionParam(event);
    const table = await barometerCaller(event).data.table({ year: event.params.year as unknown as number, indicatorId, breakdown: event.url.searchParams.get('by') || 'overall', ...(version === undefined ? {} : { version: version as unknown as number }), lang });
    const headers = version === undefined ? LATEST : VERSIONED;
    const fields = table.fields.map((f) => ({ name: f.name, type: f.type }));
    const name = tableFileName({ version: table.version, indicatorId, breakdown: table.breakdown }, format);
    if (format === 'csv') return csvResponse(toCsv(fields, table.rows), name, headers);
    if (format === 'xlsx') {
      const about = aboutLines({ version: table.version, citation: table.citation, title: `${table.indicator.name} — ${table.breakdown}`, locale: lang });
      const body = await toXlsx({ about, sheets: [{ name: 'data', fields, rows: table.rows }], locale: lang });
      return new Response(body, { headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}"` } });
    }
    const { version: v, ...rest } = table;
    return json({ edition: v.year, version: v.number, releasedAt: v.releaseAt.toISOString(), synthetic: v.synthetic, correctionNote: v.correctionNote?.[lang] ?? null, ...rest }, { headers });
  });
}

/** The data package of the latest released version (or ?version=N). */
export function datapackage(event: PluginEvent<{ year: string }>) {
  return answer(event, async (lang) => {
    const version = versionParam(event);
    const descriptor = await barometerCaller(event).data.datapackage({ year: event.params.year as unknown as number, ...(version === undefined ? {} : { version: version as unknown as number }), lang });
    return json(descriptor, { headers: version === undefined ? LATEST : VERSIONED });
  });
}

/** The files of one released version: datapackage.json and its CSV resources. */
export function versionFile(event: PluginEvent<{ year: string; number: string; file: string }>) {
  return answer(event, async (lang) => {
    const api = barometerCaller(event);
    const year = event.params.year as unknown as number;
    const version = event.params.number as unknown as number;
    if (event.params.file === 'datapackage.json') return json(await api.data.datapackage({ year, version, lang }), { headers: VERSIONED });
    const m = /^(estimates|indicators|levels)\.csv$/.exec(event.params.file);
    if (!m) return notFound(lang);
    const name = m[1] as ResourceName;
    const r = await api.data.resource({ year, version, name });
    return csvResponse(toCsv(RESOURCES[name].fields, r.rows as Row[]), `barometer-${r.version.year}-v${r.version.number}-${name}${r.version.synthetic ? '-synthetic' : ''}.csv`, VERSIONED);
  });
}
