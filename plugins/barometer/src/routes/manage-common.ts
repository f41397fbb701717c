import { error, type ActionFailure } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { hasPermission } from '@passerelle/trpc';
import { loginRedirect, type PluginEvent } from '@passerelle/plugin-sdk/server';
import type { FormFailure } from '@passerelle/plugin-sdk/forms';
import type { z } from 'zod';
import type { ImportIssue, ImportReport } from '../services/microdata.ts';

// Shared by the staff pages of the barometer (/barometer/manage/...).

/** Staff who prepare editions; others get the sign-in page or a 403. */
export function requireManagePage(event: PluginEvent) {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!hasPermission(ctx, 'barometer.edition.manage')) error(403, ctx.translate('error_forbidden'));
  return ctx.actor;
}

/** Adds the precise messages of a schema's refinements (barometer_error_*) to a form failure. */
export function explain(result: ActionFailure<FormFailure>, schema: z.ZodType, input: unknown, locale: string, rename: (path: string) => string = (p) => p): ActionFailure<FormFailure> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return result;
  for (const issue of parsed.error.issues) {
    const field = rename(issue.path.map(String).join('.'));
    if (!/^barometer_error_[a-z0-9_]+$/.test(issue.message)) continue;
    result.data.errors[field] = t(issue.message, undefined, { locale });
  }
  return result;
}

export type ShownIssue = ImportIssue & { message: string };

/** A report's problems in the reader's language (line, column, value, what is wrong). */
export function translateReport(report: ImportReport, locale: string): ImportReport & { issues: ShownIssue[]; summary: { key: string; count: number; message: string }[] } {
  return {
    ...report,
    issues: report.issues.map((i) => ({ ...i, message: t(i.messageKey, { row: i.row, column: i.column, value: i.value ?? '' }, { locale }) })),
    summary: Object.entries(report.counts).map(([key, count]) => ({ key, count, message: t(key, {}, { locale }) }))
  };
}

/** A date and time in Brussels, in the reader's language. */
export function brusselsDateTime(date: Date | string | null, locale: string): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : locale === 'en' ? 'en-GB' : 'fr-BE', { timeZone: 'Europe/Brussels', dateStyle: 'long', timeStyle: 'short' }).format(new Date(date));
}
