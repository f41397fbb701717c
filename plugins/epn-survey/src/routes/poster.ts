import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { label } from '../services/definition.ts';
import { requireManager } from './manage.ts';
import { publicLink } from './survey-manage.ts';

/** /epn/manage/surveys/[id]/poster: an A4 poster with the QR code and the address, to print. */
export async function load(event: PluginEvent<{ id: string }>) {
  requireManager(event);
  const survey = await orPageError(event, () => epnSurveyCaller(event).survey.forEditing({ id: event.params.id }));
  const published = await orPageError(event, () => epnSurveyCaller(event).survey.published({ code: survey.code }));
  if (!published) error(404);
  const locale = lang(event.locals.ctx.locale);
  const link = publicLink(event.url.origin, survey.code, locale);
  return { locale, title: label(published.definition.title, locale), link, qr: await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'Q', margin: 1 }) };
}
