import { localizeHref, t } from '@passerelle/i18n';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';

// File imports in two steps, each a task (services/import-tasks.ts): the first POST uploads the file,
// which is stored and checked; the report page names that task in a hidden field, and the second POST
// imports the same stored file (checked again). Small files are done before the answer; for large ones
// the member follows the progress on the task page, which comes back here with ?task=….

/** Room for the multipart envelope and the other fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

export type Uploaded = { ok: true; form: FormData; bytes: Uint8Array; name: string } | { ok: false; reason: 'too_big' | 'no_file'; form: FormData | null };

/**
 * The uploaded file of field `file`. A request announcing more than the limit is refused before its
 * body is read; so is a body that turns out larger (the server's BODY_SIZE_LIMIT stops the reading).
 */
export async function uploadedFile(event: PluginEvent, maxBytes: number): Promise<Uploaded> {
  const announced = Number(event.request.headers.get('content-length') ?? 0);
  if (announced > maxBytes + FORM_OVERHEAD) return { ok: false, reason: 'too_big', form: null };
  let form: FormData;
  try {
    form = await event.request.formData();
  } catch (e) {
    if (typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 413) return { ok: false, reason: 'too_big', form: null };
    throw e;
  }
  const file = form.get('file');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { ok: false, reason: 'no_file', form };
  if (file.size > maxBytes) return { ok: false, reason: 'too_big', form };
  return { ok: true, form, bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

/** Where to go once an import task was started: its result here if it is done, else its progress page. */
export function afterTask(task: { id: string; status: string }, page: string): string {
  return task.status === 'done' || task.status === 'failed' ? `${localizeHref(page)}?task=${encodeURIComponent(task.id)}` : localizeHref(`/tasks/${task.id}`);
}

/** A report's problems in the reader's language. */
export function translateIssues<T extends { messageKey: string }>(issues: readonly T[], locale: string): (T & { message: string })[] {
  return issues.map((i) => ({ ...i, message: t(i.messageKey, undefined, { locale }) }));
}
