import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { localizeHref } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { requireManager } from './manage.ts';

type Params = { id: string };

/** The public address of a survey (what the QR code holds). */
export function publicLink(origin: string, code: string, locale: string) {
  return `${origin}/${locale}/epn/s/${code}`;
}

/** /epn/manage/surveys/[id]: the survey's questions, publication, public link, QR code and exports. */
export async function load(event: PluginEvent<Params>) {
  requireManager(event);
  const api = epnSurveyCaller(event);
  const survey = await orPageError(event, () => api.survey.forEditing({ id: event.params.id }));
  const locale = lang(event.locals.ctx.locale);
  const link = publicLink(event.url.origin, survey.code, locale);
  const mine = (await api.survey.mine()).find((s) => s.id === survey.id);
  return {
    locale,
    survey,
    link,
    publishedVersion: mine?.publishedVersion ?? null,
    responses: mine?.responses ?? 0,
    // An SVG QR code, drawn on the server (no script, prints sharply on the poster).
    qr: mine?.publishedVersion ? await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null,
    canExport: event.locals.ctx.permissions.has('epn-survey.response.export'),
    published: event.url.searchParams.has('published')
  };
}

export const actions = {
  publish: async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).survey.publish({ id: event.params.id }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref(`/epn/manage/surveys/${event.params.id}`)}?published=1`);
  }
};
