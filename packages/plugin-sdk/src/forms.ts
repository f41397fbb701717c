import { fail, type ActionFailure } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { describeError } from '@passerelle/trpc';
import { t } from '@passerelle/i18n';

// Form actions call the same tRPC procedures as the browser, through the server-side caller. This turns
// a refused call into what the page needs to show the GOV.UK error pattern: a summary plus a message
// next to each field, in the visitor's language, with the values typed so far (never passwords).

export interface FormFailure {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string;
  code: string;
}

const SECRET = /password|token/i;

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && !SECRET.test(key)) values[key] = value;
  return values;
}

/** "error_field_invalid" for field "email" -> "error_field_invalid_email" when that message exists. */
function fieldMessage(key: string, field: string, locale: string): string {
  const specific = `${key}_${field.replace(/[^a-zA-Z0-9]/g, '_')}`;
  const text = t(specific, undefined, { locale });
  return text === specific ? t(key, undefined, { locale }) : text;
}

export interface FailureOptions {
  /** Maps an input path ("fields.title") to the form field that holds it ("title"). */
  rename?: (path: string) => string;
}

export function failure(error: unknown, form: FormData, locale: string, options: FailureOptions = {}): ActionFailure<FormFailure> {
  if (!(error instanceof TRPCError)) throw error;
  const described = describeError(error);
  const errors: Record<string, string> = {};
  for (const [path, key] of Object.entries(described.fieldErrors ?? {})) {
    const field = options.rename ? options.rename(path) : path;
    errors[field] ??= fieldMessage(key, field, locale);
  }
  const status = error.code === 'TOO_MANY_REQUESTS' ? 429 : error.code === 'UNAUTHORIZED' ? 401 : error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : error.code === 'CONFLICT' ? 409 : 400;
  return fail(status, {
    values: formValues(form),
    errors,
    message: t(described.messageKey, described.params, { locale }),
    code: described.appCode
  });
}

/** Run a procedure from a form action; refusals become a form failure, anything else is rethrown. */
export async function attempt<T>(form: FormData, locale: string, run: () => Promise<T>, options: FailureOptions = {}): Promise<{ ok: true; value: T } | ActionFailure<FormFailure>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return failure(error, form, locale, options);
  }
}
