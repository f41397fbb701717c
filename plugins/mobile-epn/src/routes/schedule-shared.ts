import { fail } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { t } from '@passerelle/i18n';
import { checked, field } from '@passerelle/plugin-sdk/server';
import { formValues } from '@passerelle/plugin-sdk/forms';
import { addDays, fromBrusselsLocal, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { describeError } from '@passerelle/trpc';
import type { Conflict, TravelAssumption } from '../services/conflicts.ts';
import { ScheduleConflictError, type DatedConflict } from '../services/sessions.ts';

// Shared by the scheduling pages: the manual slot form (date, times, trainers, kit, seats, weekly
// repetition) read from FormData, and conflicts / travel assumptions turned into sentences in the
// coordinator's language (on the server: the pages need no JavaScript).

/** A label from the plugin's lists when it exists (mobile_epn_<list>_<code>), else the code itself. */
export function label(list: string, code: string, locale: string): string {
  const key = `mobile_epn_${list}_${code}`;
  const text = t(key, undefined, { locale });
  return text === key ? code : text;
}

const modeLabel = (mode: string, locale: string) => t(`mobile_epn_sched_mode_${mode}`, undefined, { locale });

export function explainConflict(c: Conflict | DatedConflict, locale: string): { code: string; date: string | null; text: string } {
  const params = { ...c.params };
  if (typeof params.mode === 'string') params.mode = modeLabel(params.mode, locale);
  if (typeof params.topic === 'string') params.topic = label('topic', params.topic, locale);
  if (typeof params.language === 'string') params.language = label('language', params.language, locale);
  return { code: c.code, date: 'date' in c ? c.date : null, text: t(`mobile_epn_sched_conflict_${c.code}`, params, { locale }) };
}

export function explainTravel(x: TravelAssumption | null | undefined, locale: string): string | null {
  if (!x) return null;
  const params = { from: x.fromName || '—', straightKm: x.straightKm, detour: x.detourFactor, km: x.km, mode: modeLabel(x.mode, locale), speed: x.speedKmh, buffer: x.bufferMinutes, minutes: x.minutes, gap: x.gapMinutes ?? 0 };
  if (x.minutes === 0) return t(x.origin === 'home' ? 'mobile_epn_sched_travel_home_here' : 'mobile_epn_sched_travel_same_place', params, { locale });
  return t(x.origin === 'home' ? 'mobile_epn_sched_travel_home' : 'mobile_epn_sched_travel_session', params, { locale });
}

/** "2027-03-01T10:00" Brussels, for display: date and time as typed. */
export const wallClock = (d: Date) => toBrusselsLocal(d).replace('T', ' ');

export interface SlotForm {
  startsAt: Date;
  endsAt: Date;
  trainerIds: string[];
  kitId: string | null;
  seats: number;
  repeat: { intervalWeeks: number; count: number; exceptions: string[] } | null;
}

/** The manual form: a Brussels date, start and end times (an end before the start is the next day). */
export function slotFromForm(form: FormData): { slot: SlotForm; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = field(form, 'date');
  const start = field(form, 'start');
  const end = field(form, 'end');
  const startsAt = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(start) ? fromBrusselsLocal(`${date}T${start}`) : null;
  let endsAt = startsAt && /^\d{2}:\d{2}$/.test(end) ? fromBrusselsLocal(`${date}T${end}`) : null;
  if (startsAt && endsAt && endsAt <= startsAt) endsAt = fromBrusselsLocal(`${addDays(date, 1)}T${end}`);
  if (!startsAt) errors[/^\d{4}-\d{2}-\d{2}$/.test(date) ? 'start' : 'date'] = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'mobile_epn_sched_error_start' : 'mobile_epn_sched_error_date';
  if (startsAt && !endsAt) errors.end = 'mobile_epn_sched_error_end';
  const trainerIds = form.getAll('trainerIds').filter((v): v is string => typeof v === 'string' && v.length > 0);
  if (!trainerIds.length) errors.trainerIds = 'mobile_epn_sched_error_trainers';
  const kit = field(form, 'kitId');
  const seats = Number(field(form, 'seats'));
  if (!Number.isInteger(seats) || seats < 1 || seats > 200) errors.seats = 'mobile_epn_sched_error_seats';
  let repeat: SlotForm['repeat'] = null;
  if (checked(form, 'repeat')) {
    const intervalWeeks = Number(field(form, 'intervalWeeks') || '1');
    const count = Number(field(form, 'count'));
    const exceptions = field(form, 'exceptions').split(/[\s,;]+/).filter(Boolean);
    if (!Number.isInteger(intervalWeeks) || intervalWeeks < 1 || intervalWeeks > 8) errors.intervalWeeks = 'mobile_epn_sched_error_interval';
    if (!Number.isInteger(count) || count < 2 || count > 52) errors.count = 'mobile_epn_sched_error_count';
    if (exceptions.some((x) => !/^\d{4}-\d{2}-\d{2}$/.test(x))) errors.exceptions = 'mobile_epn_sched_error_date';
    repeat = { intervalWeeks, count, exceptions };
  }
  return { slot: { startsAt: startsAt ?? new Date(Number.NaN), endsAt: endsAt ?? new Date(Number.NaN), trainerIds, kitId: kit || null, seats, repeat }, errors };
}

/** A refused save or check, as the form shows it: the summary, the field messages, the explained conflicts. */
export function scheduleFailure(error: unknown, form: FormData, locale: string, fieldErrors: Record<string, string> = {}) {
  const values = formValues(form);
  const lists = { trainerIds: form.getAll('trainerIds').map(String) };
  const translate = (errs: Record<string, string>) => Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, t(v, undefined, { locale })]));
  if (Object.keys(fieldErrors).length) return fail(400, { values, lists, errors: translate(fieldErrors), message: t('mobile_epn_sched_error_form', undefined, { locale }), conflicts: [] as ReturnType<typeof explainConflict>[] });
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ScheduleConflictError) {
    return fail(409, { values, lists, errors: {} as Record<string, string>, message: t('mobile_epn_sched_error_conflicts', { count: cause.conflicts.length }, { locale }), conflicts: cause.conflicts.map((c) => explainConflict(c, locale)) });
  }
  if (!(error instanceof TRPCError)) throw error;
  const described = describeError(error);
  const errors: Record<string, string> = {};
  for (const [path, key] of Object.entries(described.fieldErrors ?? {})) errors[path.split('.')[0] === 'repeat' ? (path.split('.')[1] ?? 'count') : path === 'startsAt' ? 'start' : path === 'endsAt' ? 'end' : path] ??= t(key, undefined, { locale });
  return fail(error.code === 'CONFLICT' ? 409 : error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : 400, { values, lists, errors, message: t(described.messageKey, described.params, { locale }), conflicts: [] as ReturnType<typeof explainConflict>[] });
}
