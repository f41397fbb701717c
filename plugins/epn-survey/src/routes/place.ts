import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { weeklySchedule } from '../services/opening-hours.ts';

/** /epn/place/[id]: one EPN, with its opening hours for the current week. */
export async function load(event: PluginEvent<{ id: string }>) {
  const locale = lang(event.locals.ctx.locale);
  const place = await orPageError(event, () => epnSurveyCaller(event).place.get({ id: event.params.id }));
  return { locale, place, week: place.openingHours ? weeklySchedule(place.openingHours, locale, new Date()) : [] };
}
