import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { ACTIVITY_IMPORT_MAX_BYTES, ATTENDEE_COLUMNS, REQUIRED_COLUMNS, type ActivityImportReport } from '../services/activity-import.ts';
import { myOrganisations, requireManager } from './manage.ts';
import { afterTask, translateIssues, uploadedFile } from './uploads.ts';

/** /epn/manage/activity/import: a CSV file of past sessions, its validation report, then the import. */
export async function load(event: PluginEvent) {
  requireManager(event);
  const organisations = await myOrganisations(event);
  return { organisations, attendeeColumns: ATTENDEE_COLUMNS.map((c) => c.name), required: [...REQUIRED_COLUMNS], fromTask: await fromTask(event) };
}

const PAGE = '/epn/manage/activity/import';

/** ?task=…: the report of a check (with the confirm step if the file is clean), or where an import ended. */
async function fromTask(event: PluginEvent) {
  const id = event.url.searchParams.get('task');
  if (!id) return null;
  const locale = event.locals.ctx.locale;
  const task = await orPageError(event, () => epnSurveyCaller(event).activity.importTask({ id }));
  if (task.status === 'queued' || task.status === 'running') redirect(303, localizeHref(`/tasks/${task.id}`));
  const { organisationId, dryRun, fileName } = task.input;
  if (!task.report) {
    const message = t(task.errorKey ?? 'task_error_failed', task.errorParams, { locale });
    return { values: { organisationId }, errors: { file: message }, message, organisationId };
  }
  if (!dryRun && task.report.stored) redirect(303, `${localizeHref('/epn/manage/activity')}?imported=${task.report.created}&updated=${task.report.updated}`);
  // A check, or an import refused because something changed since the check: the report.
  return { report: report(task.report, locale), fileName, organisationId, taskId: dryRun && task.report.errorCount === 0 ? task.id : null };
}

function report(r: ActivityImportReport, locale: string) {
  return { ...r, errors: translateIssues(r.errors, locale) };
}

export const actions = {
  /** Step 1: upload and check; nothing is imported yet. */
  check: async (event: PluginEvent) => {
    requireManager(event);
    const locale = event.locals.ctx.locale;
    const upload = await uploadedFile(event, ACTIVITY_IMPORT_MAX_BYTES);
    if (!upload.ok) {
      const message = t(upload.reason === 'too_big' ? 'epn_survey_error_activity_import_too_big' : 'epn_survey_error_import_no_file', undefined, { locale });
      return fail(upload.reason === 'too_big' ? 413 : 400, { values: { organisationId: upload.form ? field(upload.form, 'organisationId') : '' }, errors: { file: message }, message });
    }
    const organisationId = field(upload.form, 'organisationId');
    const result = await attempt(upload.form, locale, () => epnSurveyCaller(event).activity.startImport({ organisationId, dryRun: true, file: upload.bytes, fileName: upload.name }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    redirect(303, afterTask(result.value, PAGE));
  },
  /** Step 2: the file stored and checked in step 1 is checked again and imported. */
  confirm: async (event: PluginEvent) => {
    requireManager(event);
    const locale = event.locals.ctx.locale;
    const form = await event.request.formData();
    const organisationId = field(form, 'organisationId');
    const result = await attempt(form, locale, () => epnSurveyCaller(event).activity.startImport({ organisationId, dryRun: false, fromTask: field(form, 'task'), fileName: field(form, 'fileName') }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    redirect(303, afterTask(result.value, PAGE));
  }
};
