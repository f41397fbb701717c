import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { checked, field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { ZVenueInput } from '../services/venues.ts';
import { explain, num, pickAction, requireCoordinatorPage } from './dir-common.ts';

/** The venue fields as typed in the form; the procedure's schema validates them. */
export function venueFromForm(form: FormData) {
  return {
    type: field(form, 'type') as never,
    name: field(form, 'name'),
    street: field(form, 'street'),
    postcode: field(form, 'postcode'),
    communeNis: field(form, 'communeNis'),
    latitude: num(form, 'latitude'),
    longitude: num(form, 'longitude'),
    contactName: field(form, 'contactName'),
    contactPhone: field(form, 'contactPhone'),
    contactEmail: field(form, 'contactEmail'),
    contactAccount: field(form, 'contactAccount'),
    accessNotes: field(form, 'accessNotes'),
    capacity: num(form, 'capacity'),
    wifi: checked(form, 'wifi')
  };
}

const rename = (path: string) => path.replace(/^venue\./, '');

/** /mobile/manage/venues/new and /mobile/manage/venues/[id]: one form for both. */
export async function load(event: PluginEvent<{ id?: string }>) {
  requireCoordinatorPage(event);
  const venue = event.params.id ? await orPageError(event, () => mobileEpnCaller(event).venue.get({ id: event.params.id! })) : null;
  return { venue, locale: event.locals.ctx.locale, saved: event.url.searchParams.has('saved') };
}

export const actions = {
  pick: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    return pickAction(event);
  },
  save: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const form = await event.request.formData();
    const api = mobileEpnCaller(event);
    const venue = venueFromForm(form);
    const id = event.params.id;
    const { locale } = event.locals.ctx;
    const result = await attempt(form, locale, () => (id ? api.venue.update({ id, venue }) : api.venue.create({ venue })), { rename });
    if (!('ok' in result)) return explain(result, ZVenueInput, venue, locale);
    redirect(303, `${localizeHref(`/mobile/manage/venues/${result.value.id}`)}?saved=1`);
  },
  archive: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const form = await event.request.formData();
    if (!event.params.id) error(404);
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).venue.archive({ id: event.params.id!, archived: field(form, 'archived') === '1' }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref(`/mobile/manage/venues/${event.params.id}`)}?saved=1`);
  }
};
