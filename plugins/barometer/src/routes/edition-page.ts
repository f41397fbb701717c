import { error, redirect } from '@sveltejs/kit';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { barometerCaller } from '../server/router.ts';
import { toLocale } from '../services/citation.ts';

// /barometer/editions/[year]: an edition for researchers and journalists — its released versions with
// their release dates, the public corrections log, how to cite each version, and the downloads. The
// download form works without JavaScript: it comes back here with ?indicator=&by=&format= and is sent
// on to the stable API address of that file.

const FORMATS = ['csv', 'xlsx', 'json'] as const;

export async function load(event: PluginEvent<{ year: string }>) {
  const locale = toLocale(event.locals.ctx.locale);
  const api = barometerCaller(event);
  const edition = await orPageError(event, () => api.data.edition({ year: event.params.year as unknown as number, lang: locale }));
  const q = event.url.searchParams;
  const asked = q.get('version');
  const selected = asked ? edition.versions.find((v) => String(v.number) === asked) : edition.versions[0];
  if (!selected) error(404, event.locals.ctx.translate('barometer_data_not_found'));
  const base = `/api/barometer/v1/editions/${edition.year}`;

  // The download form (GET): send the browser on to the file.
  const indicator = q.get('indicator');
  if (indicator !== null) {
    const by = q.get('by') ?? 'overall';
    const format = q.get('format') ?? 'csv';
    if (edition.indicators.some((i) => i.id === indicator) && edition.breakdowns.includes(by) && (FORMATS as readonly string[]).includes(format)) {
      redirect(303, `${base}/indicators/${indicator}.${format}?by=${encodeURIComponent(by)}&version=${selected.number}&lang=${locale}`);
    }
  }

  event.setHeaders({ 'cache-control': 'no-cache' });
  const tr = event.locals.ctx.translate;
  return {
    edition,
    // Names are translated here, on the server: the page never ships the message catalogue.
    breakdowns: edition.breakdowns.map((b) => ({ id: b, name: b.split('×').map((d) => tr(`barometer_data_breakdown_${d}`)).join(' × ') })),
    selected,
    formats: FORMATS,
    files: {
      datapackage: `${base}/versions/${selected.number}/datapackage.json`,
      estimates: `${base}/versions/${selected.number}/estimates.csv`,
      indicators: `${base}/versions/${selected.number}/indicators.csv`,
      levels: `${base}/versions/${selected.number}/levels.csv`,
      example: `${event.url.origin}${base}/indicators/${edition.indicators[0]?.id ?? 'non_users'}.csv?by=commune&version=${selected.number}`
    }
  };
}
