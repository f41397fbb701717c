import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { mobileEpnCaller } from '../server/router.ts';
import { LANGUAGES, REQUEST_STATUSES, TOPICS } from '../services/lists.ts';
import { NIS } from '../services/directory-input.ts';
import { requireCoordinatorPage } from './dir-common.ts';

const oneOf = <T extends string>(v: string | null, list: readonly T[]) => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** /mobile/manage: the coordinators' hub, with the request queue (filters in the address, GET form). */
export async function load(event: PluginEvent) {
  requireCoordinatorPage(event);
  const q = event.url.searchParams;
  const filters = { status: oneOf(q.get('status'), REQUEST_STATUSES), topic: oneOf(q.get('topic'), TOPICS), communeNis: oneOf(q.get('commune'), NIS) };
  const queue = await orPageError(event, () => mobileEpnCaller(event).request.queue(filters));
  return { queue, filters, locale: event.locals.ctx.locale, languages: LANGUAGES, declined: q.get('declined') === '1' };
}
