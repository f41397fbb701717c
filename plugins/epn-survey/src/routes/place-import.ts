import { fail } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, uploadedFile, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { isRegionStaff } from '../services/access.ts';
import { IMPORT_MAX_BYTES, MEDNUM_URL, MEDNUM_VERSION, PROFILE_VERSION } from '../services/place-format.ts';
import { myOrganisations, requireManager } from './manage.ts';
import { fromImportTask, startImportTask } from './uploads.ts';

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
  return { organisations: await myOrganisations(event), staff: isRegionStaff(event.locals.ctx.actor), mednum: { url: MEDNUM_URL, version: MEDNUM_VERSION, profile: PROFILE_VERSION }, fromTask: await fromImportTask(event, (id) => epnSurveyCaller(event).place.importTask({ id }), (r) => `${localizeHref('/epn/manage')}?placesImported=${r.created}&placesUpdated=${r.updated}`) };
}

const PAGE = '/epn/manage/places/import';

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
    return startImportTask(event, upload.form, PAGE, () => epnSurveyCaller(event).place.startImport({ organisationId, format, dryRun: true, file: upload.bytes, fileName: upload.name }));
  },
  confirm: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const format = field(form, 'format') === 'json' ? 'json' : 'csv';
    const organisationId = organisationOf(form);
    return startImportTask(event, form, PAGE, () => epnSurveyCaller(event).place.startImport({ organisationId, format, dryRun: false, fromTask: field(form, 'task'), fileName: field(form, 'fileName') }));
  }
};
