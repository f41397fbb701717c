import { gunzipSync, gzipSync } from 'node:zlib';
import { t } from '@passerelle/i18n';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';

// File imports in two steps without JavaScript: the first POST uploads the file and shows its
// validation report; the report page carries the file (compressed) in a hidden field to the second
// POST, which imports it. The server keeps nothing between the two, and checks the file again.

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

/** The file for the report page's hidden field: gzip, then base64 (text files shrink several times). */
export function packUpload(bytes: Uint8Array): string {
  return gzipSync(bytes).toString('base64');
}

/** The file back from the hidden field; null if it is not a packed file or unpacks past `maxBytes`. */
export function unpackUpload(payload: string, maxBytes: number): Uint8Array | null {
  if (payload === '' || payload.length > maxBytes * 2 || !/^[A-Za-z0-9+/]+=*$/.test(payload)) return null;
  try {
    return new Uint8Array(gunzipSync(Buffer.from(payload, 'base64'), { maxOutputLength: maxBytes }));
  } catch {
    return null;
  }
}

/** A report's problems in the reader's language. */
export function translateIssues<T extends { messageKey: string }>(issues: readonly T[], locale: string): (T & { message: string })[] {
  return issues.map((i) => ({ ...i, message: t(i.messageKey, undefined, { locale }) }));
}
