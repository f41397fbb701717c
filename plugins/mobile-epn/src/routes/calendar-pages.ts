import { error } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { dayMapSvg } from '../services/calendar.ts';
import { feedText } from '../services/feeds.ts';
import { lang } from '../services/labels.ts';
import { SUBJECT_KINDS, type SubjectKind } from '../services/schedule-read.ts';
import { t } from '@passerelle/i18n';
import { addDays, brusselsParts } from '@passerelle/plugin-sdk/time';

// Load functions and actions of the trainer's pages: home, calendars, day, day sheet, day map, feeds,
// and the feed itself. The host's shims under apps/web/src/routes/(citizen)/mobile/ re-export them.

function signedIn(event: PluginEvent) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
}

/** /mobile/trainer: this week's and next week's sessions, with links to the day, the sheet, the calendar and the feeds. */
export async function loadTrainerHome(event: PluginEvent) {
  signedIn(event);
  const api = mobileEpnCaller(event);
  const mine = await orPageError(event, () => api.calendar.mine());
  if (!mine.trainer) error(403, event.locals.ctx.translate('mobile_epn_cal_not_trainer'));
  const today = brusselsParts(new Date()).day;
  const [week, nextWeek] = await Promise.all([
    orPageError(event, () => api.calendar.view({ kind: 'trainer', id: mine.trainer!.id, view: 'week', date: today })),
    orPageError(event, () => api.calendar.view({ kind: 'trainer', id: mine.trainer!.id, view: 'week', date: addDays(today, 7) }))
  ]);
  return { locale: lang(event.locals.ctx.locale), trainer: mine.trainer, today, week, nextWeek };
}

/** /mobile/calendar/[kind]/[id]?view=week|month&date=YYYY-MM-DD */
export async function loadCalendar(event: PluginEvent<{ kind: string; id: string }>) {
  signedIn(event);
  if (!(SUBJECT_KINDS as readonly string[]).includes(event.params.kind)) error(404, event.locals.ctx.translate('error_not_found'));
  const view = event.url.searchParams.get('view') === 'month' ? 'month' : 'week';
  const date = event.url.searchParams.get('date');
  const cal = await orPageError(event, () => mobileEpnCaller(event).calendar.view({ kind: event.params.kind as SubjectKind, id: event.params.id, view, date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null }));
  return { locale: lang(event.locals.ctx.locale), cal, isTrainerCalendar: cal.kind === 'trainer' };
}

/** /mobile/day/[trainer]?date= and its printable sheet. */
export async function loadDay(event: PluginEvent<{ trainer: string }>) {
  signedIn(event);
  const date = event.url.searchParams.get('date');
  const day = await orPageError(event, () => mobileEpnCaller(event).calendar.day({ trainerId: event.params.trainer, date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null }));
  return { locale: lang(event.locals.ctx.locale), day };
}

/** /mobile/day/[trainer]/map.svg?date=: the day's route on the map (same checks as the day). */
export async function dayMap(event: PluginEvent<{ trainer: string }>) {
  if (!event.locals.ctx.actor) error(401, event.locals.ctx.translate('error_unauthenticated'));
  const { day, locale } = await loadDay(event);
  const title = t('mobile_epn_cal_map_title', { name: day.trainer.name, date: day.date }, { locale });
  return new Response(dayMapSvg(day, locale, title), {
    // It may show a private home's location: never stored by shared caches.
    headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' }
  });
}

/** /mobile/feeds: my feed URLs (coordinators: all), to create and revoke. */
export async function loadFeeds(event: PluginEvent) {
  signedIn(event);
  const api = mobileEpnCaller(event);
  const [mine, feeds] = await Promise.all([orPageError(event, () => api.calendar.mine()), orPageError(event, () => api.feed.list())]);
  return { locale: lang(event.locals.ctx.locale), mine, feeds };
}

/** The feed's address: shown once, in the creator's language (the feed's texts follow it). */
export function feedUrl(origin: string, token: string): string {
  return `${origin}${localizeHref(`/mobile/feeds/${token}.ics`)}`;
}

export const feedActions = {
  create: async (event: PluginEvent) => {
    signedIn(event);
    const form = await event.request.formData();
    const subject = field(form, 'subject');
    const [kind, subjectId] = subject.includes(':') ? subject.split(':', 2) : ['', ''];
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).feed.create({ kind: kind as SubjectKind, subjectId: subjectId ?? '' }));
    if (!('ok' in result)) return result;
    return { created: { name: result.value.name, kind: result.value.kind, url: feedUrl(event.url.origin, result.value.token) } };
  },
  revoke: async (event: PluginEvent) => {
    signedIn(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).feed.revoke({ id: field(form, 'feedId') }));
    if (!('ok' in result)) return result;
    return { revoked: true };
  }
};

/** GET /mobile/feeds/[token].ics: the calendar, for calendar apps (no session: the token is the key). */
export async function feedIcs(event: PluginEvent<{ token: string }>) {
  const text = await feedText({ db: event.locals.ctx.db, token: event.params.token, locale: event.locals.ctx.locale });
  const headers = { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
  if (text === null) return new Response('Not found', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(text, { headers: { ...headers, 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="passerelle.ics"' } });
}
