import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, orPageError, receiveFile, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { barometerCaller } from '../server/router.ts';
import { MICRODATA_MAX_BYTES, type Mapping } from '../services/microdata.ts';
import { VARIABLES } from '../services/variables.ts';
import { requireManagePage, translateReport } from './manage-common.ts';

type YearEvent = PluginEvent<{ year: string }>;
const yearOf = (event: YearEvent) => Number(event.params.year) || 0;
const PAGE = (event: YearEvent) => `/barometer/manage/${yearOf(event)}/microdata`;

/** Where to go once a step was started: its result here if it is done, else its progress page. */
function afterTask(event: YearEvent, task: { id: string; status: string }): string {
  return task.status === 'done' || task.status === 'failed' ? `${localizeHref(PAGE(event))}?task=${encodeURIComponent(task.id)}` : localizeHref(`/tasks/${task.id}`);
}

/**
 * /barometer/manage/[year]/microdata: upload a CSV file (kept with its task until the import is done),
 * map its columns, read the validation report (nothing stored yet), then import. Each step is a task:
 * a large file is followed on its progress page (rows read), which comes back here with ?task=….
 */
export async function load(event: YearEvent) {
  requireManagePage(event);
  const api = barometerCaller(event);
  const edition = await orPageError(event, () => api.edition.get({ year: yearOf(event) }));
  const locale = event.locals.ctx.locale;
  const id = event.url.searchParams.get('task');
  let step: null | { kind: 'failed'; message: string } | { kind: 'mapping'; taskId: string; fileName: string; columns: string[]; delimiter: string | null; mapping: Mapping; problem: string | null } | { kind: 'report'; taskId: string; fileName: string; valid: boolean; step: 'check' | 'import'; report: ReturnType<typeof translateReport>; headerTask: string } = null;
  if (id) {
    const task = await orPageError(event, () => api.edition.importTask({ id }));
    if (task.status === 'queued' || task.status === 'running') redirect(303, localizeHref(`/tasks/${task.id}`));
    if (task.input.editionId !== edition.id) redirect(303, localizeHref(PAGE(event)));
    const r = task.result;
    if (!r) step = { kind: 'failed', message: t(task.errorKey ?? 'task_error_failed', task.errorParams, { locale }) };
    else if (r.step === 'header') {
      const mapping = r.suggested ?? { weight: '', stratum: null, psu: null, variables: {} };
      step = { kind: 'mapping', taskId: task.id, fileName: task.input.fileName, columns: r.columns ?? [], delimiter: r.delimiter ?? null, mapping, problem: r.problem ? t(r.problem, {}, { locale }) : null };
    } else if (r.step === 'import' && r.stored) redirect(303, `${localizeHref(`/barometer/manage/${yearOf(event)}`)}?imported=${r.respondents ?? 0}`);
    else step = { kind: 'report', taskId: task.id, fileName: task.input.fileName, valid: !!r.valid, step: r.step, report: translateReport(r.report!, locale), headerTask: task.id };
  }
  return {
    edition: { id: edition.id, year: edition.year, microdata: edition.microdata, synthetic: edition.synthetic },
    variables: VARIABLES.map((v) => ({ id: v.id, kind: v.kind, codes: v.kind === 'category' ? [...v.codes] : null, range: v.kind === 'number' ? [v.min, v.max] : null })),
    maxMb: Math.floor(MICRODATA_MAX_BYTES / (1 << 20)),
    step
  };
}

function mappingFrom(form: FormData): Mapping & { variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  for (const v of VARIABLES) {
    const c = field(form, `var_${v.id}`);
    if (c) variables[v.id] = c;
  }
  return { weight: field(form, 'weight'), stratum: field(form, 'stratum') || null, psu: field(form, 'psu') || null, variables };
}

export const actions = {
  /**
   * Step 1: the file is stored with a task that reads its header, streamed as it arrives (up to
   * BAROMETER_MAX_UPLOAD_MB; this action is declared in the manifest's streamedUploads, so the server's
   * BODY_SIZE_LIMIT does not cut it): it goes into the task's stored file 1 MiB at a time, never whole in
   * memory. A file too large, or an upload cut short, leaves nothing stored (no task, no file).
   */
  upload: async (event: YearEvent) => {
    requireManagePage(event);
    const locale = event.locals.ctx.locale;
    const api = barometerCaller(event);
    const edition = await orPageError(event, () => api.edition.get({ year: yearOf(event) }));
    const received = await attempt(new FormData(), locale, () => receiveFile(event, { maxBytes: MICRODATA_MAX_BYTES, store: (file) => api.edition.startImport({ step: 'header', editionId: edition.id, file: file.chunks, fileName: file.name }) }), { rename: () => 'file' });
    if (!('ok' in received)) return received;
    const upload = received.value;
    if (!upload.ok) {
      const message = upload.reason === 'too_big' ? t('barometer_error_microdata_too_big', { mb: Math.floor(MICRODATA_MAX_BYTES / (1 << 20)) }, { locale }) : t('barometer_manage_error_no_file', undefined, { locale });
      return fail(upload.reason === 'too_big' ? 413 : 400, { values: {}, errors: { file: message }, message, code: 'VALIDATION' });
    }
    redirect(303, afterTask(event, upload.value));
  },
  /** Step 2: the mapping is confirmed; the whole file is checked (nothing stored). */
  check: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const mapping = mappingFrom(form);
    if (!mapping.weight) {
      const message = t('barometer_error_mapping_weight', undefined, { locale });
      return fail(400, { values: Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>, errors: { weight: message }, message, code: 'VALIDATION', taskId: field(form, 'task') });
    }
    const api = barometerCaller(event);
    const edition = await orPageError(event, () => api.edition.get({ year: yearOf(event) }));
    const result = await attempt(form, locale, () => api.edition.startImport({ step: 'check', editionId: edition.id, fromTask: field(form, 'task'), mapping }));
    if (!('ok' in result)) return result;
    redirect(303, afterTask(event, result.value));
  },
  /** Step 3: the checked file, with the same mapping, is read again and stored if it is still valid. */
  import: async (event: YearEvent) => {
    requireManagePage(event);
    const form = await event.request.formData();
    const api = barometerCaller(event);
    const checked = await orPageError(event, () => api.edition.importTask({ id: field(form, 'task') }));
    const edition = await orPageError(event, () => api.edition.get({ year: yearOf(event) }));
    const mapping = checked.input.mapping;
    const result = await attempt(form, event.locals.ctx.locale, () => api.edition.startImport({ step: 'import', editionId: edition.id, fromTask: checked.id, mapping: { weight: mapping?.weight ?? '', stratum: mapping?.stratum ?? null, psu: mapping?.psu ?? null, variables: Object.fromEntries(Object.entries(mapping?.variables ?? {}).filter((e): e is [string, string] => !!e[1])) } }));
    if (!('ok' in result)) return result;
    redirect(303, afterTask(event, result.value));
  }
};
