import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { brusselsDay } from '../services/opening-hours.ts';
import { explained, formChoices, monthFromForm, organisationFor, renameMonth, withLists } from './activity-form.ts';
import { requireManager } from './manage.ts';

/** The months a member may enter totals for: the last three years, newest first, named in the page's language. */
export function monthChoices(locale: string, today: string, extra?: string) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const names = new Intl.DateTimeFormat(lang(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const months = Array.from({ length: 36 }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
  if (extra && !months.includes(extra)) months.push(extra);
  return months.map((value) => ({ value, label: names.format(new Date(`${value}-01T00:00:00Z`)) }));
}

/** The month before `today` (YYYY-MM): totals are usually entered once the month is over. */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** /epn/manage/activity/month: a month's totals for one EPN, instead of its single sessions. */
export async function load(event: PluginEvent) {
  requireManager(event);
  const today = brusselsDay(new Date());
  const saved = event.url.searchParams.get('saved');
  return {
    ...(await formChoices(event)),
    months: monthChoices(event.locals.ctx.locale, today),
    record: null,
    values: { month: previousMonth(today) } as Record<string, string>,
    lists: { topics: [] as string[], referrals: [] as string[] },
    saved: saved && /^\d{4}-\d{2}$/.test(saved) ? { month: monthChoices(event.locals.ctx.locale, today, saved).find((m) => m.value === saved)!.label, covered: Math.max(0, Number(event.url.searchParams.get('covered')) || 0) } : null
  };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const organisationId = await organisationFor(event, form);
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).activity.record({ organisationId, activity: monthFromForm(form) }), { rename: renameMonth });
    if (!('ok' in result)) return withLists(explained(result, form, event.locals.ctx.locale, 'monthly'), form);
    redirect(303, `${localizeHref('/epn/manage/activity/month')}?saved=${field(form, 'month')}&covered=${result.value.coveredSessions}`);
  }
};
