import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { mobileEpnCaller } from '../server/router.ts';
import { requireCoordinatorPage } from './dir-common.ts';

/** /mobile/manage/kits: the equipment kits and their status. */
export async function load(event: PluginEvent) {
  requireCoordinatorPage(event);
  return { kits: await orPageError(event, () => mobileEpnCaller(event).kit.list({})), locale: event.locals.ctx.locale };
}
