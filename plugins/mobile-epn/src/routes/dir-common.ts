import { error, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { localizeHref, t } from '@passerelle/i18n';
import { loginRedirect, type PluginEvent } from '@passerelle/plugin-sdk/server';
import type { FormFailure } from '@passerelle/plugin-sdk/forms';
import { pickedPoint } from '@passerelle/ui/static-map/pick.ts';

// What the directory and request pages share: who may open them, and the error messages of a refused
// form. The API names the field that failed with a generic message; the schema's own key (each message
// of the zod schemas is a translated key) says what to write instead, in the visitor's language.

export function requireAccount(event: PluginEvent) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
  return event.locals.ctx.actor!;
}

export function requirePermission(event: PluginEvent, permission: string) {
  const actor = requireAccount(event);
  if (!event.locals.ctx.permissions.has(permission)) error(403, t('error_forbidden', undefined, { locale: event.locals.ctx.locale }));
  return actor;
}

export const requireCoordinatorPage = (event: PluginEvent) => requirePermission(event, 'mobile-epn.schedule.manage');

/** Replaces the generic field messages of a refused form with the schema's own, translated. */
export function explain(result: ActionFailure<FormFailure>, schema: z.ZodType, input: unknown, locale: string, rename: (path: string) => string = (p) => p): ActionFailure<FormFailure> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return result;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = rename(issue.path.map(String).join('.'));
    if (seen.has(field) || !/^mobile_epn_[a-z0-9_]+$/.test(issue.message)) continue;
    seen.add(field);
    result.data.errors[field] = t(issue.message, undefined, { locale });
  }
  return result;
}

/** A click on the no-JavaScript map: the form comes back as it was, with the point clicked. */
export async function pickAction(event: PluginEvent, names: { latitude: string; longitude: string } = { latitude: 'latitude', longitude: 'longitude' }) {
  const form = await event.request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && !/^pick\./.test(k)) values[k] = v;
  const lists: Record<string, string[]> = {};
  for (const k of new Set(form.keys())) if (form.getAll(k).length > 1) lists[k] = form.getAll(k).filter((v): v is string => typeof v === 'string');
  const point = pickedPoint(form);
  if (point) Object.assign(values, { [names.latitude]: point.latitude, [names.longitude]: point.longitude });
  const keyboard = Number(form.get('pick.x') ?? 0) === 0 && Number(form.get('pick.y') ?? 0) === 0;
  return { values, lists, errors: {} as Record<string, string>, picked: point ? ('yes' as const) : keyboard ? ('keyboard' as const) : ('outside' as const) };
}

/** Checked boxes of a group, as sent. */
export const ticked = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');

/** A number typed in a form; NaN when empty (validation names the field). */
export function num(form: FormData, name: string): number {
  const v = String(form.get(name) ?? '').trim();
  return v === '' ? Number.NaN : Number(v.replace(',', '.'));
}

/** Lists (checkbox groups) of a refused form travel back with it. */
export function withLists(result: ActionFailure<FormFailure>, form: FormData, names: string[]): ActionFailure<FormFailure> {
  Object.assign(result.data, { lists: Object.fromEntries(names.map((n) => [n, ticked(form, n)])) });
  return result;
}
