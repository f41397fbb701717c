import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { shownInStep, steps } from '../services/steps.ts';
import { refused, stepFromForm } from './answer.ts';

// /epn/kiosk: a tablet at the EPN desk. Unlocked once with the kiosk's token (kept in an httpOnly cookie),
// it shows the survey in large print, one visitor after the other. After each response it shows a thank-you
// page that holds nothing of the answers; after three minutes without a touch, its script warns and then
// goes back to an empty first page (a visitor may always "clear everything"). Nothing of a response stays
// on screen, in the page or in the browser's storage once it is sent.

export const KIOSK_COOKIE = 'epn_kiosk';
/** Seconds without an answer after which a step page goes back to the start. */
export const KIOSK_IDLE_SECONDS = 180;

function tokenOf(event: PluginEvent): string | null {
  return event.cookies.get(KIOSK_COOKIE) ?? null;
}

export async function load(event: PluginEvent) {
  const locale = lang(event.locals.ctx.locale);
  // A kiosk link (…/epn/kiosk?token=…) stores the token and removes it from the address bar.
  const fromLink = event.url.searchParams.get('token');
  if (fromLink) {
    event.cookies.set(KIOSK_COOKIE, fromLink, { path: '/', httpOnly: true, sameSite: 'strict', secure: event.url.protocol === 'https:', maxAge: 60 * 60 * 24 * 365 });
    redirect(303, localizeHref('/epn/kiosk'));
  }
  const token = tokenOf(event);
  const unlocked = token ? await epnSurveyCaller(event).kiosk.unlock({ token }).catch(() => null) : null;
  if (!unlocked) return { locale, unlocked: null, done: false, first: [], stepCount: 0, responseKey: '', idle: KIOSK_IDLE_SECONDS, badToken: token !== null };
  return {
    locale,
    unlocked,
    done: event.url.searchParams.has('done'),
    first: shownInStep(unlocked.definition, 0, {}).map((q) => q.id),
    stepCount: steps(unlocked.definition).length,
    // One key per response: a resend of the same response (network failure, double tap) counts once.
    responseKey: randomUUID(),
    idle: KIOSK_IDLE_SECONDS,
    badToken: false
  };
}

export const actions = {
  unlock: async (event: PluginEvent) => {
    const form = await event.request.formData();
    const token = field(form, 'token');
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).kiosk.unlock({ token }), { rename: () => 'token' });
    if (!('ok' in result)) return result;
    event.cookies.set(KIOSK_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: event.url.protocol === 'https:', maxAge: 60 * 60 * 24 * 365 });
    redirect(303, localizeHref('/epn/kiosk'));
  },
  lock: async (event: PluginEvent) => {
    event.cookies.delete(KIOSK_COOKIE, { path: '/' });
    redirect(303, localizeHref('/epn/kiosk'));
  },
  answer: async (event: PluginEvent) => {
    const token = tokenOf(event);
    const api = epnSurveyCaller(event);
    const locale = event.locals.ctx.locale;
    if (!token) redirect(303, localizeHref('/epn/kiosk'));
    const kiosk = await api.kiosk.unlock({ token }).catch(() => null);
    if (!kiosk) redirect(303, localizeHref('/epn/kiosk'));
    const form = await event.request.formData();
    const result = stepFromForm(kiosk.definition, kiosk.version, form, locale);
    if ('fail' in result) return result.fail;
    if ('next' in result) return { ...result.next, responseKey: field(form, 'responseKey') };
    const answers = result.complete;
    const sent = await attempt(form, locale, () => api.kiosk.respond({ token, answers, version: kiosk.version, idempotencyKey: field(form, 'responseKey') }));
    if (!('ok' in sent)) return refused(kiosk.definition, form, answers, sent.data, sent.status);
    redirect(303, `${localizeHref('/epn/kiosk')}?done=1`);
  }
};
