import { redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';

// File imports in two steps, each a task (services/import-tasks.ts): the first POST uploads the file,
// which is stored and checked; the report page names that task in a hidden field, and the second POST
// imports the same stored file (checked again). Small files are done before the answer; for large ones
// the member follows the progress on the task page, which comes back here with ?task=….

/** Where to go once an import task was started: its result here if it is done, else its progress page. */
export function afterTask(task: { id: string; status: string }, page: string): string {
  return task.status === 'done' || task.status === 'failed' ? `${localizeHref(page)}?task=${encodeURIComponent(task.id)}` : localizeHref(`/tasks/${task.id}`);
}

/** A report's problems in the reader's language. */
export function translateIssues<T extends { messageKey: string }>(issues: readonly T[], locale: string): (T & { message: string })[] {
  return issues.map((i) => ({ ...i, message: t(i.messageKey, undefined, { locale }) }));
}

interface ImportTaskView<I, R> {
  id: string;
  status: string;
  input: I;
  report: R | null;
  errorKey?: string | null;
  errorParams?: Record<string, string | number>;
}

/**
 * ?task=… on an import page: the report of a check (with the task id for the confirm step when the file
 * is clean), the form's error when the task failed, or, once an import stored its rows, a redirect to
 * `doneHref`. A task still running sends the reader to its progress page.
 */
export async function fromImportTask<I extends { organisationId: string | null; dryRun: boolean; fileName: string }, R extends { stored: boolean; errorCount: number; errors: readonly { messageKey: string }[] }>(event: PluginEvent, getTask: (id: string) => Promise<ImportTaskView<I, R>>, doneHref: (report: R) => string) {
  const id = event.url.searchParams.get('task');
  if (!id) return null;
  const locale = event.locals.ctx.locale;
  const task = await orPageError(event, () => getTask(id));
  if (task.status === 'queued' || task.status === 'running') redirect(303, localizeHref(`/tasks/${task.id}`));
  const organisationId = task.input.organisationId ?? '';
  if (!task.report) {
    const message = t(task.errorKey ?? 'task_error_failed', task.errorParams, { locale });
    return { values: { organisationId }, errors: { file: message }, message, organisationId };
  }
  if (!task.input.dryRun && task.report.stored) redirect(303, doneHref(task.report));
  // A check, or an import refused because something changed since the check: the report.
  const report: Omit<R, 'errors'> & { errors: (R['errors'][number] & { message: string })[] } = { ...task.report, errors: translateIssues(task.report.errors, locale) };
  return { ...task.input, organisationId, report, taskId: task.input.dryRun && task.report.errorCount === 0 ? task.id : null };
}

/** Starts an import task from a form (the check or the confirm step) and goes where it leads. */
export async function startImportTask(event: PluginEvent, form: FormData, page: string, start: () => Promise<{ id: string; status: string }>) {
  const result = await attempt(form, event.locals.ctx.locale, start, { rename: () => 'file' });
  if (!('ok' in result)) return result;
  redirect(303, afterTask(result.value, page));
}
