import { error, json } from '@sveltejs/kit';
import { t } from '@passerelle/i18n';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { orPageError } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { toCsv } from '../services/exports.ts';
import { DATASETS, codebook, type DatasetName } from '../services/open-data.ts';

// The public read-only API (no login, no cookies needed, any site may read it):
//   GET /api/ideas/v1/consultations
//   GET /api/ideas/v1/consultations/{slug}/{ideas|comments|votes}.{csv|json}
//   GET /api/ideas/v1/consultations/{slug}/codebook.json
// The language of names and codebooks is ?lang=fr|nl|en (default: Accept-Language, then French).

const HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' };

/** The request's context in the language asked for with ?lang=, if any. */
function withLang<E extends PluginEvent<Record<string, string>>>(event: E): E {
  const lang = event.url.searchParams.get('lang');
  if (!lang || !['fr', 'nl', 'en'].includes(lang)) return event;
  const ctx = { ...event.locals.ctx, locale: lang, translate: (key: string, params?: Record<string, string | number>) => t(key, params, { locale: lang }) };
  return { ...event, locals: { ...event.locals, ctx } };
}

export async function catalogue(raw: PluginEvent) {
  const event = withLang(raw);
  return json(await ideasCaller(event).openData.catalogue(), { headers: HEADERS });
}

export async function file(raw: PluginEvent<{ slug: string; file: string }>) {
  const event = withLang(raw);
  const { slug, file } = event.params;
  const api = ideasCaller(event);
  if (file === 'codebook.json') {
    await orPageError(event, () => api.consultation.get({ slug }));
    const t = (key: string) => event.locals.ctx.translate(key);
    return json(Object.fromEntries((Object.keys(DATASETS) as DatasetName[]).map((n) => [n, codebook(n, t)])), { headers: HEADERS });
  }
  const m = /^(ideas|comments|votes)\.(csv|json)$/.exec(file);
  if (!m) error(404, event.locals.ctx.translate('error_not_found'));
  const name = m[1] as DatasetName;
  const data = await orPageError(event, () => api.openData.dataset({ slug, name }));
  if (m[2] === 'json') return json({ consultation: slug, dataset: name, codebook: data.codebook, rows: data.rows }, { headers: HEADERS });
  const fields = DATASETS[name].map((f) => f.name);
  const csv = toCsv(fields, data.rows.map((r) => fields.map((f) => r[f] ?? null)));
  return new Response(csv, { headers: { ...HEADERS, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${slug}-${name}.csv"` } });
}
