import { redirect, type ActionFailure } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, numberField, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt, type FormFailure } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import type { ActivityInput } from '../services/activity.ts';
import { AGE_BANDS } from '../services/definition.ts';
import { GENDERS, LOCATIONS, REFERRALS, SESSION_TYPES, TOPICS } from '../services/lists.ts';
import { brusselsDay } from '../services/opening-hours.ts';
import { myOrganisations, requireManager } from './manage.ts';

const one = <T extends string>(form: FormData, name: string, allowed: readonly T[], fallback: T): T => {
  const v = field(form, name);
  return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
};
const many = <T extends string>(form: FormData, name: string, allowed: readonly T[]) => form.getAll(name).filter((v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v));
const count = (raw: string) => (raw === '' ? 0 : /^\d+$/.test(raw) ? Number(raw) : Number.NaN);

/** The attendee grid: fields "a.<band>.<gender>"; empty cells are zero. */
export function attendeesFromForm(form: FormData) {
  const result: Record<string, Record<string, number>> = {};
  for (const band of AGE_BANDS) {
    for (const g of GENDERS) {
      const n = count(field(form, `a.${band}.${g}`));
      if (n !== 0) (result[band] ??= {})[g] = n;
    }
  }
  return result;
}

/** The form's values for a stored attendee grid. */
export function attendeeValues(attendees: Record<string, Record<string, number> | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const band of AGE_BANDS) for (const g of GENDERS) if (attendees[band]?.[g]) values[`a.${band}.${g}`] = String(attendees[band]![g]);
  return values;
}

/** A session as typed in the form; the procedure's schema validates it. */
export function sessionFromForm(form: FormData): ActivityInput {
  return {
    placeId: field(form, 'placeId') || null,
    kind: 'session',
    date: field(form, 'date'),
    sessionType: one(form, 'sessionType', SESSION_TYPES, 'individual'),
    sessions: 1,
    durationMinutes: numberField(form, 'durationMinutes'),
    location: one(form, 'location', LOCATIONS, 'epn'),
    topics: many(form, 'topics', TOPICS),
    attendees: attendeesFromForm(form),
    referrals: many(form, 'referrals', REFERRALS),
    note: field(form, 'note')
  };
}

/** Hours as people write them: 36, 36.5 or 36,5. */
function minutesFromHours(raw: string): number {
  return /^\d{1,5}(?:[.,]\d{1,2})?$/.test(raw) ? Math.round(Number(raw.replace(',', '.')) * 60) : Number.NaN;
}

/** A month's totals as typed in the form. */
export function monthFromForm(form: FormData): ActivityInput {
  const individual = count(field(form, 'individualSessions'));
  const group = count(field(form, 'groupSessions'));
  const topicSessions: Partial<Record<(typeof TOPICS)[number], number>> = {};
  for (const topic of TOPICS) {
    const n = count(field(form, `topic.${topic}`));
    if (n !== 0) topicSessions[topic] = n;
  }
  return {
    placeId: field(form, 'placeId') || null,
    kind: 'monthly',
    date: /^\d{4}-\d{2}$/.test(field(form, 'month')) ? `${field(form, 'month')}-01` : field(form, 'month'),
    sessions: individual + group,
    groupSessions: group,
    durationMinutes: minutesFromHours(field(form, 'hours')),
    location: one(form, 'location', LOCATIONS, 'epn'),
    topicSessions,
    attendees: attendeesFromForm(form),
    referrals: many(form, 'referrals', REFERRALS),
    note: field(form, 'note')
  };
}

/** Input paths → form fields, for the error summary (a wrong attendee cell is the attendee grid's error). */
export const renameSession = (path: string) => path.replace(/^activity\./, '').replace(/^attendees\..*/, 'attendees');
export const renameMonth = (path: string) =>
  renameSession(path)
    .replace(/^date$/, 'month')
    .replace(/^sessions$/, 'individualSessions')
    .replace(/^durationMinutes$/, 'hours')
    .replace(/^topicSessions\./, 'topic.');

const GENERIC = ['error_field_invalid', 'error_field_too_short', 'error_field_too_long'];
const attendeeCells = (form: FormData) => [...form.keys()].filter((k) => k.startsWith('a.')).map((k) => field(form, k));

/**
 * Input checks name only the field (the API's generic "not valid"): each field of the activity forms
 * gets its own explanation instead, so that the member knows what to write.
 */
export function explained(failure: ActionFailure<FormFailure>, form: FormData, locale: string, kind: 'session' | 'monthly'): ActionFailure<FormFailure> {
  const generic = new Set(GENERIC.map((k) => t(k, undefined, { locale })));
  const cells = attendeeCells(form);
  const people = cells.reduce((sum, c) => sum + (/^\d+$/.test(c) ? Number(c) : 0), 0);
  const attendees = cells.some((c) => (c !== '' && !/^\d+$/.test(c)) || Number(c) > 1000) ? 'epn_survey_error_count' : people === 0 ? 'epn_survey_error_no_attendees' : kind === 'session' && field(form, 'sessionType') !== 'group' && people > 3 ? 'epn_survey_error_individual_attendees' : 'epn_survey_error_count';
  const keys: Record<string, string> = {
    date: 'epn_survey_error_date',
    month: 'epn_survey_error_date',
    durationMinutes: 'epn_survey_error_duration',
    hours: 'epn_survey_error_duration_hours',
    individualSessions: 'epn_survey_error_sessions_individualSessions',
    groupSessions: 'epn_survey_error_group_sessions',
    sessionType: 'epn_survey_error_session_type',
    location: 'epn_survey_error_location',
    note: 'epn_survey_error_text_too_long',
    attendees
  };
  for (const [name, message] of Object.entries(failure.data.errors)) {
    const key = name.startsWith('topic.') ? 'epn_survey_error_topic_sessions' : keys[name];
    if (key && generic.has(message)) failure.data.errors[name] = t(key, undefined, { locale });
  }
  return failure;
}

/** The organisation is the place's, or the one chosen when the activity was not at one of its EPNs. */
export async function organisationFor(event: PluginEvent, form: FormData): Promise<string> {
  const places = await epnSurveyCaller(event).place.mine();
  return places.find((p) => p.id === field(form, 'placeId'))?.organisation.id ?? field(form, 'organisationId');
}

/** What both activity forms need: the organisations and EPNs the member records for. */
export async function formChoices(event: PluginEvent) {
  const [organisations, places] = await Promise.all([myOrganisations(event), epnSurveyCaller(event).place.mine()]);
  return { organisations, places: places.map((p) => ({ id: p.id, name: p.name, organisationId: p.organisation.id })) };
}

/** A failed form keeps its ticked boxes (the generic values keep one value per name). */
export function withLists<T extends { data: object }>(failure: T, form: FormData): T {
  Object.assign(failure.data, { lists: { topics: many(form, 'topics', TOPICS), referrals: many(form, 'referrals', REFERRALS) } });
  return failure;
}

/** /epn/manage/activity/new: a session in about 30 seconds (sensible defaults, one screen, no JavaScript). */
export async function load(event: PluginEvent) {
  requireManager(event);
  return { ...(await formChoices(event)), today: brusselsDay(new Date()), saved: event.url.searchParams.has('saved'), record: null, values: {} as Record<string, string>, lists: { topics: [] as string[], referrals: [] as string[] } };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const organisationId = await organisationFor(event, form);
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).activity.record({ organisationId, activity: sessionFromForm(form) }), { rename: renameSession });
    if (!('ok' in result)) return withLists(explained(result, form, event.locals.ctx.locale, 'session'), form);
    redirect(303, `${localizeHref('/epn/manage/activity/new')}?saved=1`);
  }
};
