import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { checked, field, numberField, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { pickedPoint } from '@passerelle/ui/static-map/pick.ts';
import { epnSurveyCaller } from '../server/router.ts';
import { ACCESSIBILITY, LANGUAGES, PUBLICS, SERVICES } from '../services/lists.ts';
import { myOrganisations, requireManager } from './manage.ts';

const pick = <T extends string>(form: FormData, name: string, allowed: readonly T[]) => form.getAll(name).filter((v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v));

/** The place fields as typed in the form; the procedure's schema validates them. */
export function placeFromForm(form: FormData) {
  const lat = field(form, 'latitude');
  const lon = field(form, 'longitude');
  return {
    name: field(form, 'name'),
    street: field(form, 'street'),
    postcode: field(form, 'postcode'),
    communeNis: field(form, 'communeNis'),
    latitude: lat ? numberField(form, 'latitude') : null,
    longitude: lon ? numberField(form, 'longitude') : null,
    phone: field(form, 'phone'),
    email: field(form, 'email'),
    website: field(form, 'website'),
    openingHours: field(form, 'openingHours'),
    services: pick(form, 'services', SERVICES),
    publics: pick(form, 'publics', PUBLICS),
    accessibility: pick(form, 'accessibility', ACCESSIBILITY),
    languages: pick(form, 'languages', LANGUAGES),
    devices: field(form, 'devices') ? numberField(form, 'devices') : 0,
    labelled: checked(form, 'labelled'),
    labelSince: field(form, 'labelSince') || null,
    mobile: checked(form, 'mobile')
  };
}

const rename = (path: string) => path.replace(/^place\./, '');

/** /epn/manage/places/new and /epn/manage/places/[id]: one form for both. */
export async function load(event: PluginEvent<{ id?: string }>) {
  requireManager(event);
  const organisations = await myOrganisations(event);
  const place = event.params.id ? await orPageError(event, () => epnSurveyCaller(event).place.forEditing({ id: event.params.id! })) : null;
  if (!place && organisations.length === 0) error(403);
  return { organisations, place, locale: event.locals.ctx.locale, saved: event.url.searchParams.has('saved') };
}

export const actions = {
  /** A click on the map (no JavaScript needed): the form comes back as it was, with the point clicked. */
  pick: async (event: PluginEvent<{ id?: string }>) => {
    requireManager(event);
    const form = await event.request.formData();
    const place = placeFromForm(form);
    const values: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === 'string' && !/^pick\./.test(k)) values[k] = v;
    const point = pickedPoint(form);
    if (point) Object.assign(values, point);
    // A keyboard activation of the map sends 0,0: point to the coordinate fields instead.
    const keyboard = Number(form.get('pick.x') ?? 0) === 0 && Number(form.get('pick.y') ?? 0) === 0;
    return { values, errors: {}, picked: point ? ('yes' as const) : keyboard ? ('keyboard' as const) : ('outside' as const), lists: { services: place.services, publics: place.publics, accessibility: place.accessibility, languages: place.languages } };
  },
  save: async (event: PluginEvent<{ id?: string }>) => {
    requireManager(event);
    const form = await event.request.formData();
    const api = epnSurveyCaller(event);
    const place = placeFromForm(form);
    const id = event.params.id;
    const result = await attempt(form, event.locals.ctx.locale, () => (id ? api.place.update({ id, place }) : api.place.create({ organisationId: field(form, 'organisationId'), place })), { rename });
    if (!('ok' in result)) {
      // Ticked boxes come back as lists (the generic form values keep one value per name).
      Object.assign(result.data, { lists: { services: place.services, publics: place.publics, accessibility: place.accessibility, languages: place.languages } });
      return result;
    }
    redirect(303, localizeHref(`/epn/manage/places/${result.value.id}?saved=1`));
  },
  remove: async (event: PluginEvent<{ id?: string }>) => {
    requireManager(event);
    const form = await event.request.formData();
    const id = event.params.id;
    if (!id) error(404);
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).place.remove({ id }));
    if (!('ok' in result)) return result;
    redirect(303, localizeHref('/epn/manage?deleted=1'));
  }
};
