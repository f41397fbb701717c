import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { brusselsDay } from '../services/opening-hours.ts';
import { attendeeValues, explained, formChoices, monthFromForm, renameMonth, renameSession, sessionFromForm, withLists } from './activity-form.ts';
import { monthChoices } from './activity-month.ts';
import { requireManager } from './manage.ts';

/** Hours with at most two decimals, as the month form shows them. */
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/** /epn/manage/activity/[id]: correct or delete a record of one's organisation (a session or a month's totals). */
export async function load(event: PluginEvent<{ id: string }>) {
  requireManager(event);
  const record = await orPageError(event, () => epnSurveyCaller(event).activity.forEditing({ id: event.params.id }));
  const today = brusselsDay(new Date());
  const common = { placeId: record.placeId ?? '', organisationId: record.organisationId, location: record.location, note: record.note, ...attendeeValues(record.attendees) };
  const values: Record<string, string> =
    record.kind === 'monthly'
      ? { ...common, month: record.date.slice(0, 7), individualSessions: String(record.sessions - record.groupSessions), groupSessions: String(record.groupSessions), hours: hours(record.durationMinutes), ...Object.fromEntries(Object.entries(record.topicSessions).map(([t, n]) => [`topic.${t}`, String(n)])) }
      : { ...common, date: record.date, sessionType: record.sessionType, durationMinutes: String(record.durationMinutes) };
  return {
    ...(await formChoices(event)),
    record,
    values,
    lists: { topics: record.topics, referrals: record.referrals },
    today,
    months: monthChoices(event.locals.ctx.locale, today, record.date.slice(0, 7)),
    saved: event.url.searchParams.has('saved')
  };
}

export const actions = {
  save: async (event: PluginEvent<{ id: string }>) => {
    requireManager(event);
    const form = await event.request.formData();
    const api = epnSurveyCaller(event);
    const record = await orPageError(event, () => api.activity.forEditing({ id: event.params.id }));
    const monthly = record.kind === 'monthly';
    const activity = monthly ? monthFromForm(form) : sessionFromForm(form);
    const result = await attempt(form, event.locals.ctx.locale, () => api.activity.update({ id: record.id, activity }), { rename: monthly ? renameMonth : renameSession });
    if (!('ok' in result)) return withLists(explained(result, form, event.locals.ctx.locale, record.kind), form);
    redirect(303, `${localizeHref(`/epn/manage/activity/${record.id}`)}?saved=1`);
  },
  remove: async (event: PluginEvent<{ id: string }>) => {
    requireManager(event);
    const form = await event.request.formData();
    const id = event.params.id;
    if (!id) error(404);
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).activity.remove({ id }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref('/epn/manage/activity')}?deleted=1`);
  }
};
