import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, orPageError, uploadedFile, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { barometerCaller } from '../server/router.ts';
import { ZImportAggregates } from '../server/edition/schemas.ts';
import { AGGREGATE_COLUMNS, AGGREGATES_MAX_BYTES } from '../services/aggregates.ts';
import { explain, requireManagePage, translateReport } from './manage-common.ts';

type YearEvent = PluginEvent<{ year: string }>;
const yearOf = (event: YearEvent) => Number(event.params.year) || 0;
const rename = (path: string) => path.replace(/^correctionNote\./, 'note_');

/** /barometer/manage/[year]/aggregates: published aggregates for a year without microdata, checked before anything is stored. */
export async function load(event: YearEvent) {
  requireManagePage(event);
  const edition = await orPageError(event, () => barometerCaller(event).edition.get({ year: yearOf(event) }));
  const draft = edition.versions[0]?.status === 'draft' ? edition.versions[0] : null;
  return {
    edition: { id: edition.id, year: edition.year, minN: edition.minN, reliableN: edition.reliableN, crossings: edition.crossings, hasMicrodata: !!edition.microdata, editable: edition.editable },
    needsNote: edition.versions.some((v) => v.status === 'approved') && !draft?.correctionNote,
    columns: [...AGGREGATE_COLUMNS, 'se'],
    maxMb: Math.floor(AGGREGATES_MAX_BYTES / (1 << 20))
  };
}

export const actions = {
  default: async (event: YearEvent) => {
    requireManagePage(event);
    const locale = event.locals.ctx.locale;
    const upload = await uploadedFile(event, AGGREGATES_MAX_BYTES);
    if (!upload.ok) {
      const message = t(upload.reason === 'too_big' ? 'barometer_manage_error_aggregates_too_big' : 'barometer_manage_error_no_file', undefined, { locale });
      return fail(upload.reason === 'too_big' ? 413 : 400, { values: {}, errors: { file: message }, message, code: 'VALIDATION' });
    }
    const form = upload.form;
    const api = barometerCaller(event);
    const edition = await orPageError(event, () => api.edition.get({ year: yearOf(event) }));
    const note = { fr: field(form, 'note_fr'), nl: field(form, 'note_nl'), en: field(form, 'note_en') };
    const input = { editionId: edition.id, file: upload.bytes, fileName: upload.name, ...(note.fr || note.nl || note.en ? { correctionNote: note } : {}) };
    const result = await attempt(form, locale, () => api.edition.importAggregates(input), { rename });
    if (!('ok' in result)) return explain(result, ZImportAggregates, input, locale, rename);
    if (!result.value.stored) {
      const message = t('barometer_manage_report_refused', { count: result.value.report.issueCount }, { locale });
      return fail(400, { values: { note_fr: note.fr, note_nl: note.nl, note_en: note.en }, errors: { file: message }, message, code: 'VALIDATION', fileName: upload.name, report: translateReport(result.value.report, locale) });
    }
    redirect(303, `${localizeHref(`/barometer/manage/${edition.year}`)}?aggregates=${result.value.report.rows}`);
  }
};
