import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { mobileEpnCaller } from '../server/router.ts';
import { requireCoordinatorPage } from './dir-common.ts';

/** /mobile/manage/trainers: every trainer profile, active ones first. */
export async function load(event: PluginEvent) {
  requireCoordinatorPage(event);
  const trainers = await orPageError(event, () => mobileEpnCaller(event).trainer.list({}));
  return { trainers: [...trainers].sort((a, b) => Number(b.active) - Number(a.active)), locale: event.locals.ctx.locale };
}
