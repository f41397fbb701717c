import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { barometerCaller } from '../server/router.ts';

/** /barometer: the regional overview of the latest released edition. */
export async function load(event: PluginEvent) {
  const overview = await orPageError(event, () => barometerCaller(event).published.overview());
  return { overview, locale: event.locals.ctx.locale };
}
