import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { hasPermission } from '@passerelle/trpc';
import { field, numberField, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { fromBrusselsLocal, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { barometerCaller } from '../server/router.ts';
import { ZCompute, ZUpdateEdition } from '../server/edition/schemas.ts';
import { ZBreakdown } from '../server/published/schemas.ts';
import { CROSSING_OPTIONS } from './manage-editions.ts';
import { explain, requireManagePage } from './manage-common.ts';

type YearEvent = PluginEvent<{ year: string }>;

const yearOf = (event: YearEvent) => {
  const year = Number(event.params.year);
  return Number.isInteger(year) ? year : 0;
};
const page = (event: YearEvent, query = '') => `${localizeHref(`/barometer/manage/${yearOf(event)}`)}${query}`;
const rename = (path: string) => path.replace(/^thresholds\./, '').replace(/^crossings.*/, 'crossings').replace(/^correctionNote\./, 'note_');

/**
 * /barometer/manage/[year]: an edition — its settings, microdata, the draft (computed, previewed with its
 * disclosure statuses, submitted), the review (approve with a release time in Brussels, or send back),
 * and its versions with their corrections.
 */
export async function load(event: YearEvent) {
  const actor = requireManagePage(event);
  const api = barometerCaller(event);
  const breakdown = ZBreakdown.safeParse(event.url.searchParams.get('breakdown') ?? 'overall');
  const version = Number(event.url.searchParams.get('version') ?? '');
  const edition = await orPageError(event, () => api.edition.get({ year: yearOf(event), breakdown: breakdown.success ? breakdown.data : 'overall', ...(Number.isInteger(version) && version > 0 ? { version } : {}) }));
  const latest = edition.versions[0] ?? null;
  const draft = latest && latest.status === 'draft' ? latest : null;
  const inReview = latest && latest.status === 'in_review' ? latest : null;
  const hasReleased = edition.versions.some((v) => v.released || v.status === 'approved');
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  tomorrow.setUTCMinutes(0, 0, 0);
  return {
    edition,
    actorId: actor.id,
    draft,
    inReview,
    /** A new draft after an approved version is a correction: it needs a note. */
    needsNote: hasReleased && (!draft || !draft.correctionNote),
    canReview: hasPermission(event.locals.ctx, 'barometer.edition.review'),
    ownReview: !!inReview && (inReview.preparedById === actor.id || inReview.submittedById === actor.id),
    crossingOptions: CROSSING_OPTIONS,
    defaultRelease: toBrusselsLocal(tomorrow),
    flash: ['created', 'settings', 'computed', 'submitted', 'approved', 'sent_back', 'imported', 'aggregates'].find((k) => event.url.searchParams.has(k)) ?? null
  };
}

async function editionId(event: YearEvent) {
  return (await orPageError(event, () => barometerCaller(event).edition.get({ year: yearOf(event) }))).id;
}

export const actions = {
  settings: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const input = { editionId: field(form, 'editionId'), thresholds: { minN: numberField(form, 'minN'), reliableN: numberField(form, 'reliableN') }, crossings: form.getAll('crossings').map(String) };
    const result = await attempt(form, locale, () => barometerCaller(event).edition.update(input), { rename });
    if (!('ok' in result)) return explain(result, ZUpdateEdition, input, locale, rename);
    redirect(303, page(event, '?settings=1'));
  },
  compute: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const note = { fr: field(form, 'note_fr'), nl: field(form, 'note_nl'), en: field(form, 'note_en') };
    const input = { editionId: await editionId(event), ...(note.fr || note.nl || note.en ? { correctionNote: note } : {}) };
    const result = await attempt(form, locale, () => barometerCaller(event).edition.compute(input), { rename });
    if (!('ok' in result)) return explain(result, ZCompute, input, locale, rename);
    redirect(303, page(event, '?computed=1'));
  },
  submit: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => barometerCaller(event).edition.submit({ versionId: field(form, 'versionId') }));
    if (!('ok' in result)) return result;
    redirect(303, page(event, '?submitted=1'));
  },
  approve: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const releaseAt = fromBrusselsLocal(field(form, 'releaseAt'));
    if (!releaseAt) {
      const message = t('barometer_manage_error_release_at', undefined, { locale });
      return fail(400, { values: { releaseAt: field(form, 'releaseAt') }, errors: { releaseAt: message }, message, code: 'VALIDATION' });
    }
    const result = await attempt(form, locale, () => barometerCaller(event).review.approve({ versionId: field(form, 'versionId'), releaseAt }));
    if (!('ok' in result)) return result;
    redirect(303, page(event, '?approved=1'));
  },
  sendBack: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const reason = field(form, 'reason');
    if (!reason) {
      const message = t('barometer_manage_error_reason', undefined, { locale });
      return fail(400, { values: { reason }, errors: { reason: message }, message, code: 'VALIDATION' });
    }
    const result = await attempt(form, locale, () => barometerCaller(event).review.sendBack({ versionId: field(form, 'versionId'), reason }));
    if (!('ok' in result)) return result;
    redirect(303, page(event, '?sent_back=1'));
  }
};
