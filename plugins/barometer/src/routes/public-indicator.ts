import { error } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import type { BarometerContextFigure } from '@passerelle/trpc';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { isLocale, t } from '@passerelle/i18n';
import { barometerCaller } from '../server/router.ts';
import { breakdownLabel, levelLabel } from '../components/labels.ts';
import { choroplethSvg } from './public-map-svg.ts';

// /barometer/indicators/[id]?year=&by=&level=&tab=: one indicator, the view in the URL (a permalink).
// Also its CSV (view.csv, exactly the Table tab) and its static map (map.svg, for pages without JavaScript).

const ID = /^[a-z][a-z0-9_]{0,63}$/;

function viewInput(event: PluginEvent<{ id: string }>) {
  if (!ID.test(event.params.id)) error(404, event.locals.ctx.translate('error_not_found'));
  const q = event.url.searchParams;
  const loose = (k: string) => (q.get(k) ?? '').slice(0, 40) || undefined;
  return { indicatorId: event.params.id, year: loose('year'), by: loose('by'), level: loose('level'), tab: loose('tab') };
}

export async function load(event: PluginEvent<{ id: string }>) {
  const api = barometerCaller(event);
  const page = await orPageError(event, () => api.published.view(viewInput(event)));
  // Context figures of other plugins (not cached: they are theirs and may change). A failure shows none.
  let context: BarometerContextFigure[] = [];
  if (page.view.tab === 'map') context = (await api.published.context({ year: page.view.year }).catch(() => ({ figures: [] }))).figures;
  return { page, context, locale: event.locals.ctx.locale, origin: event.url.origin };
}

function localeOf(event: PluginEvent) {
  const lang = event.url.searchParams.get('lang') ?? '';
  return isLocale(lang) ? lang : event.locals.ctx.locale;
}

/** GET view.csv: the Table tab of the same view, as CSV (disclosure applied: hidden cells carry no figure). */
export async function csv(event: PluginEvent<{ id: string }>) {
  const locale = localeOf(event);
  const page = await orPageError(event, () => barometerCaller(event).published.view(viewInput(event)));
  const { view, version, indicator, table } = page;
  const rows = table.map((r) => [indicator.id, version.year, version.number, view.by, r.level, levelLabel(view.by, r.level, locale), r.proportion, r.ciLow, r.ciHigh, r.se, r.n, r.status, version.synthetic]);
  const body = stringify([['indicator', 'year', 'version', 'breakdown', 'level', 'label', 'estimate', 'ci_low', 'ci_high', 'se', 'n', 'status', 'synthetic'], ...rows], { cast: { boolean: (b) => String(b) } });
  const name = `barometer-${indicator.id}-${version.year}-v${version.number}-${view.by}.csv`;
  return new Response('\uFEFF' + body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } });
}

/** GET map.svg?year=: the communes coloured by the indicator (no data hatched), with a legend. */
export async function mapSvg(event: PluginEvent<{ id: string }>) {
  const locale = localeOf(event);
  const page = await orPageError(event, () => barometerCaller(event).published.view({ ...viewInput(event), by: 'commune' }));
  const values = Object.fromEntries(page.communes.map((c) => [c.level, c.proportion]));
  const svg = choroplethSvg({ values, locale, title: page.indicator.name[locale as 'fr'] ?? page.indicator.name.fr, noData: t('barometer_pub_no_data', undefined, { locale }), breakdownLabel: breakdownLabel('commune', locale), levelLabel: (nis) => levelLabel('commune', nis, locale) });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=60' } });
}
