import { fail } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, uploadedFile, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { ACTIVITY_IMPORT_MAX_BYTES, ATTENDEE_COLUMNS, REQUIRED_COLUMNS } from '../services/activity-import.ts';
import { myOrganisations, requireManager } from './manage.ts';
import { fromImportTask, startImportTask } from './uploads.ts';

/** /epn/manage/activity/import: a CSV file of past sessions, its validation report, then the import. */
export async function load(event: PluginEvent) {
  requireManager(event);
  const organisations = await myOrganisations(event);
  return { organisations, attendeeColumns: ATTENDEE_COLUMNS.map((c) => c.name), required: [...REQUIRED_COLUMNS], fromTask: await fromImportTask(event, (id) => epnSurveyCaller(event).activity.importTask({ id }), (r) => `${localizeHref('/epn/manage/activity')}?imported=${r.created}&updated=${r.updated}`) };
}

const PAGE = '/epn/manage/activity/import';

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
    return startImportTask(event, upload.form, PAGE, () => epnSurveyCaller(event).activity.startImport({ organisationId, dryRun: true, file: upload.bytes, fileName: upload.name }));
  },
  /** Step 2: the file stored and checked in step 1 is checked again and imported. */
  confirm: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const organisationId = field(form, 'organisationId');
    return startImportTask(event, form, PAGE, () => epnSurveyCaller(event).activity.startImport({ organisationId, dryRun: false, fromTask: field(form, 'task'), fileName: field(form, 'fileName') }));
  }
};
