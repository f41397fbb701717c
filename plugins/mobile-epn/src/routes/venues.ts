import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { mobileEpnCaller } from '../server/router.ts';
import { VENUE_TYPES } from '../services/lists.ts';
import { NIS } from '../services/directory-input.ts';
import { requireCoordinatorPage } from './dir-common.ts';

const oneOf = <T extends string>(v: string | null, list: readonly T[]) => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** /mobile/manage/venues: the directory, filtered by type, commune, text; archived ones apart. */
export async function load(event: PluginEvent) {
  requireCoordinatorPage(event);
  const q = event.url.searchParams;
  const filters = { type: oneOf(q.get('type'), VENUE_TYPES), communeNis: oneOf(q.get('commune'), NIS), q: (q.get('q') ?? '').trim().slice(0, 100) || undefined, archived: q.get('archived') === '1' };
  const venues = await orPageError(event, () => mobileEpnCaller(event).venue.list(filters));
  return { venues, filters, locale: event.locals.ctx.locale };
}
