/** What the error summary lists after a refused form: each field error, or the general message. */
export function summaryOf(
  form: { message?: string; errors?: Record<string, string> } | null | undefined,
  fallbackHref = '#main'
): { description?: string; errors: { href: string; message: string }[] } {
  const fields = Object.entries(form?.errors ?? {}).map(([field, message]) => ({ href: `#${field}`, message }));
  if (fields.length) return { description: form?.message, errors: fields };
  return { errors: form?.message ? [{ href: fallbackHref, message: form.message }] : [] };
}
