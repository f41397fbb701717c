import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, numberField, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { AGE_BANDS } from '../services/definition.ts';
import { GENDERS, LOCATIONS, REFERRALS, SESSION_TYPES, TOPICS } from '../services/lists.ts';
import { brusselsDay } from '../services/opening-hours.ts';
import { myOrganisations, requireManager } from './manage.ts';

const one = <T extends string>(form: FormData, name: string, allowed: readonly T[], fallback: T): T => {
  const v = field(form, name);
  return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
};
const many = <T extends string>(form: FormData, name: string, allowed: readonly T[]) => form.getAll(name).filter((v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v));

/** The attendee grid: fields "a.<band>.<gender>"; empty cells are zero. */
export function attendeesFromForm(form: FormData) {
  const result: Record<string, Record<string, number>> = {};
  for (const band of AGE_BANDS) {
    for (const g of GENDERS) {
      const raw = field(form, `a.${band}.${g}`);
      if (raw === '' || raw === '0') continue;
      (result[band] ??= {})[g] = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    }
  }
  return result;
}

/** /epn/manage/activity/new: a session in about 30 seconds (sensible defaults, one screen, no JavaScript). */
export async function load(event: PluginEvent) {
  requireManager(event);
  const api = epnSurveyCaller(event);
  const [organisations, places] = await Promise.all([myOrganisations(event), api.place.mine()]);
  return { organisations, places: places.map((p) => ({ id: p.id, name: p.name, organisationId: p.organisation.id })), today: brusselsDay(new Date()), saved: event.url.searchParams.has('saved') };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const placeId = field(form, 'placeId');
    const api = epnSurveyCaller(event);
    // The organisation is the place's, or the one chosen when the session was not at one of its EPNs.
    const places = await api.place.mine();
    const organisationId = places.find((p) => p.id === placeId)?.organisation.id ?? field(form, 'organisationId');
    const kind = one(form, 'kind', ['session', 'monthly'] as const, 'session');
    const duration = numberField(form, 'durationMinutes');
    const result = await attempt(
      form,
      event.locals.ctx.locale,
      () =>
        api.activity.record({
          organisationId,
          activity: {
            placeId: placeId || null,
            kind,
            date: kind === 'monthly' ? `${field(form, 'month')}-01` : field(form, 'date'),
            sessionType: one(form, 'sessionType', SESSION_TYPES, 'individual'),
            sessions: kind === 'monthly' ? numberField(form, 'sessions') : 1,
            durationMinutes: duration,
            location: one(form, 'location', LOCATIONS, 'epn'),
            topics: many(form, 'topics', TOPICS),
            attendees: attendeesFromForm(form),
            referrals: many(form, 'referrals', REFERRALS),
            note: field(form, 'note')
          }
        }),
      { rename: (p) => p.replace(/^activity\./, '') }
    );
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref('/epn/manage/activity/new')}?saved=1`);
  }
};
