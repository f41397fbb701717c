import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { isRegionStaff } from '../services/access.ts';
import { IMPORT_MAX_BYTES, MEDNUM_URL, MEDNUM_VERSION, PROFILE_VERSION } from '../services/place-format.ts';
import type { PlaceImportReport } from '../services/place-import.ts';
import { myOrganisations, requireManager } from './manage.ts';
import { afterTask, translateIssues, uploadedFile } from './uploads.ts';

/** JSON if the file says so (name or first character), else CSV. */
function formatOf(name: string, bytes: Uint8Array): 'csv' | 'json' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  const start = new TextDecoder().decode(bytes.subarray(0, 16)).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('[') || start.startsWith('{') ? 'json' : 'csv';
}

/** The organisation field: one of the member's organisations, or '' for "the one named in each row". */
const organisationOf = (form: FormData) => field(form, 'organisationId') || null;

/** /epn/manage/places/import: EPNs from a directory file (CSV or JSON), its validation report, then the import. */
export async function load(event: PluginEvent) {
  requireManager(event);
  return { organisations: await myOrganisations(event), staff: isRegionStaff(event.locals.ctx.actor), mednum: { url: MEDNUM_URL, version: MEDNUM_VERSION, profile: PROFILE_VERSION }, fromTask: await fromTask(event) };
}

const PAGE = '/epn/manage/places/import';

/** ?task=…: the report of a check (with the confirm step if the file is clean), or where an import ended. */
async function fromTask(event: PluginEvent) {
  const id = event.url.searchParams.get('task');
  if (!id) return null;
  const locale = event.locals.ctx.locale;
  const task = await orPageError(event, () => epnSurveyCaller(event).place.importTask({ id }));
  if (task.status === 'queued' || task.status === 'running') redirect(303, localizeHref(`/tasks/${task.id}`));
  const { organisationId, format, dryRun, fileName } = task.input;
  if (!task.report) {
    const message = t(task.errorKey ?? 'task_error_failed', task.errorParams, { locale });
    return { values: { organisationId: organisationId ?? '' }, errors: { file: message }, message, organisationId: organisationId ?? '' };
  }
  if (!dryRun && task.report.stored) redirect(303, `${localizeHref('/epn/manage')}?placesImported=${task.report.created}&placesUpdated=${task.report.updated}`);
  return { report: report(task.report, locale), fileName, format, organisationId: organisationId ?? '', taskId: dryRun && task.report.errorCount === 0 ? task.id : null };
}

function report(r: PlaceImportReport, locale: string) {
  return { ...r, errors: translateIssues(r.errors, locale) };
}

export const actions = {
  check: async (event: PluginEvent) => {
    requireManager(event);
    const locale = event.locals.ctx.locale;
    const upload = await uploadedFile(event, IMPORT_MAX_BYTES);
    if (!upload.ok) {
      const message = t(upload.reason === 'too_big' ? 'epn_survey_error_import_too_big' : 'epn_survey_error_import_no_file', undefined, { locale });
      return fail(upload.reason === 'too_big' ? 413 : 400, { values: { organisationId: upload.form ? field(upload.form, 'organisationId') : '' }, errors: { file: message }, message });
    }
    const format = formatOf(upload.name, upload.bytes);
    const organisationId = organisationOf(upload.form);
    const result = await attempt(upload.form, locale, () => epnSurveyCaller(event).place.startImport({ organisationId, format, dryRun: true, file: upload.bytes, fileName: upload.name }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    redirect(303, afterTask(result.value, PAGE));
  },
  confirm: async (event: PluginEvent) => {
    requireManager(event);
    const locale = event.locals.ctx.locale;
    const form = await event.request.formData();
    const format = field(form, 'format') === 'json' ? 'json' : 'csv';
    const organisationId = organisationOf(form);
    const result = await attempt(form, locale, () => epnSurveyCaller(event).place.startImport({ organisationId, format, dryRun: false, fromTask: field(form, 'task'), fileName: field(form, 'fileName') }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    redirect(303, afterTask(result.value, PAGE));
  }
};
