import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { hasPermission } from '@passerelle/trpc';
import { numberField, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { barometerCaller } from '../server/router.ts';
import { ZCreateEdition } from '../server/edition/schemas.ts';
import { DEFAULT_THRESHOLDS, MIN_N_FLOOR, RELIABLE_N_FLOOR } from '../services/disclosure.ts';
import { BREAKDOWNS } from '../services/variables.ts';
import { explain, requireManagePage } from './manage-common.ts';

/** Every two-way crossing staff may enable. */
export const CROSSING_OPTIONS = BREAKDOWNS.flatMap((a, i) => BREAKDOWNS.slice(i + 1).map((b) => `${a}×${b}`));

const rename = (path: string) => path.replace(/^thresholds\./, '').replace(/^crossings.*/, 'crossings');

/** /barometer/manage: the editions, the versions waiting for review, and a form for a new edition. */
export async function load(event: PluginEvent) {
  requireManagePage(event);
  const api = barometerCaller(event);
  const canReview = hasPermission(event.locals.ctx, 'barometer.edition.review');
  const [editions, queue] = await Promise.all([orPageError(event, () => api.edition.list()), canReview ? orPageError(event, () => api.review.queue()) : Promise.resolve([])]);
  return {
    editions: editions.map((e) => ({ year: e.year, synthetic: e.synthetic, respondents: e.microdata?.respondents ?? null, latest: e.versions[0] ? { number: e.versions[0].number, status: e.versions[0].status, source: e.versions[0].source, releaseAt: e.versions[0].releaseAt } : null })),
    queue,
    canReview,
    crossingOptions: CROSSING_OPTIONS,
    defaults: { ...DEFAULT_THRESHOLDS, minFloor: MIN_N_FLOOR, reliableFloor: RELIABLE_N_FLOOR, year: new Date().getFullYear() },
    now: new Date()
  };
}

export const actions = {
  create: async (event: PluginEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const input = { year: numberField(form, 'year'), thresholds: { minN: numberField(form, 'minN'), reliableN: numberField(form, 'reliableN') }, crossings: form.getAll('crossings').map(String) };
    const result = await attempt(form, locale, () => barometerCaller(event).edition.create(input), { rename });
    if (!('ok' in result)) return explain(result, ZCreateEdition, input, locale, rename);
    redirect(303, `${localizeHref(`/barometer/manage/${result.value.year}`)}?created=1`);
  }
};

