import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
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
  const [kiosks, places] = await Promise.all([api.kiosk.list({ surveyId: survey.id }), api.place.mine()]);
  return {
    locale,
    survey,
    link,
    publishedVersion: survey.publishedVersion,
    responses: survey.responses,
    // An SVG QR code, drawn on the server (no script, prints sharply on the poster).
    qr: survey.publishedVersion ? await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null,
    canExport: event.locals.ctx.permissions.has('epn-survey.response.export'),
    kiosks,
    places: places.filter((p) => survey.organisationId === null || p.organisation.id === survey.organisationId).map((p) => ({ id: p.id, name: p.name })),
    published: event.url.searchParams.has('published'),
    /** Back from the builder: the version the changes were saved in. */
    saved: Number(event.url.searchParams.get('saved')) || null
  };
}

export const actions = {
  createKiosk: async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).kiosk.create({ surveyId: event.params.id, placeId: field(form, 'placeId') || null, label: field(form, 'label') }));
    if (!('ok' in result)) return result;
    // The token is shown once, as a link to open on the tablet.
    return { kioskLink: `${event.url.origin}${localizeHref('/epn/kiosk')}?token=${encodeURIComponent(result.value.token)}` };
  },
  revokeKiosk: async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).kiosk.revoke({ id: field(form, 'kioskId') }));
    if (!('ok' in result)) return result;
    return { revoked: true };
  },
  exportXlsx: async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).export.start({ id: event.params.id, format: 'xlsx' }));
    if (!('ok' in result)) return result;
    // The workbook is written by the job queue; the task page shows how far it got, then offers the file.
    redirect(303, localizeHref(`/tasks/${result.value.id}`));
  },
  publish: async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).survey.publish({ id: event.params.id }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref(`/epn/manage/surveys/${event.params.id}`)}?published=1`);
  }
};
