import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { ACTIVITY_IMPORT_MAX_BYTES, ATTENDEE_COLUMNS, REQUIRED_COLUMNS, type ActivityImportReport } from '../services/activity-import.ts';
import { myOrganisations, requireManager } from './manage.ts';
import { packUpload, translateIssues, unpackUpload, uploadedFile } from './uploads.ts';

/** /epn/manage/activity/import: a CSV file of past sessions, its validation report, then the import. */
export async function load(event: PluginEvent) {
  requireManager(event);
  const organisations = await myOrganisations(event);
  return { organisations, attendeeColumns: ATTENDEE_COLUMNS.map((c) => c.name), required: [...REQUIRED_COLUMNS] };
}

function report(r: ActivityImportReport, locale: string) {
  return { ...r, errors: translateIssues(r.errors, locale) };
}

export const actions = {
  /** Step 1: upload and check; nothing is stored. */
  check: async (event: PluginEvent) => {
    requireManager(event);
    const locale = event.locals.ctx.locale;
    const upload = await uploadedFile(event, ACTIVITY_IMPORT_MAX_BYTES);
    if (!upload.ok) {
      const message = t(upload.reason === 'too_big' ? 'epn_survey_error_activity_import_too_big' : 'epn_survey_error_import_no_file', undefined, { locale });
      return fail(upload.reason === 'too_big' ? 413 : 400, { values: { organisationId: upload.form ? field(upload.form, 'organisationId') : '' }, errors: { file: message }, message });
    }
    const organisationId = field(upload.form, 'organisationId');
    const result = await attempt(upload.form, locale, () => epnSurveyCaller(event).activity.checkImport({ organisationId, file: upload.bytes }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    return { report: report(result.value, locale), fileName: upload.name, organisationId, payload: result.value.errorCount === 0 ? packUpload(upload.bytes) : null };
  },
  /** Step 2: the checked file, carried by the report page, is checked again and imported. */
  confirm: async (event: PluginEvent) => {
    requireManager(event);
    const locale = event.locals.ctx.locale;
    const form = await event.request.formData();
    const bytes = unpackUpload(field(form, 'payload'), ACTIVITY_IMPORT_MAX_BYTES);
    if (!bytes) {
      const message = t('epn_survey_error_import_no_file', undefined, { locale });
      return fail(400, { values: {}, errors: { file: message }, message });
    }
    const organisationId = field(form, 'organisationId');
    const result = await attempt(form, locale, () => epnSurveyCaller(event).activity.importFile({ organisationId, file: bytes }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    // Something changed since the check (an EPN renamed or deleted): the new report, and nothing stored.
    if (!result.value.stored) return { report: report(result.value, locale), fileName: field(form, 'fileName'), organisationId, payload: null };
    redirect(303, `${localizeHref('/epn/manage/activity')}?imported=${result.value.created}&updated=${result.value.updated}`);
  }
};
