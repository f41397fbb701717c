import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { checked, field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { ZCreateRequest } from '../services/requests.ts';
import { explain, num, requirePermission } from './dir-common.ts';

// /mobile/request: a workshop request in two steps, without JavaScript. Step 1 (GET ?where=): one of the
// person's venues, another place (a new venue), or their home. Step 2: the workshop and, for a new place,
// its address. /mobile/mediate reuses the same fields for a citizen without an account.

/** Preferred windows: up to 3 pairs of Brussels date-times; empty pairs are left out. */
export function windowsFromForm(form: FormData) {
  const windows: { from: string; to: string }[] = [];
  const names: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [from, to] = [field(form, `w${i}.from`), field(form, `w${i}.to`)];
    if (!from && !to) continue;
    windows.push({ from, to });
    names.push(i);
  }
  return { windows, names };
}

export function fieldsFromForm(form: FormData) {
  const { windows, names } = windowsFromForm(form);
  return {
    fields: {
      topic: field(form, 'topic') as never,
      language: field(form, 'language') as never,
      participants: num(form, 'participants'),
      durationMinutes: num(form, 'durationMinutes'),
      windows,
      accessibilityNeeds: field(form, 'accessibilityNeeds'),
      note: field(form, 'note'),
      needsKit: checked(form, 'needsKit')
    },
    names
  };
}

export function addressFromForm(form: FormData) {
  return { street: field(form, 'street'), postcode: field(form, 'postcode'), communeNis: field(form, 'communeNis'), latitude: null, longitude: null, accessNotes: field(form, 'accessNotes'), contactPhone: field(form, 'contactPhone') };
}

/** Input paths -> form fields ("windows.1.to" -> "w<the pair's number>.to", "place.street" -> "street"). */
export const renameWith = (names: number[]) => (path: string) =>
  path
    .replace(/^place\./, '')
    .replace(/^citizen\.communeNis$/, 'citizenCommune')
    .replace(/^citizen\./, '')
    .replace(/^windows\.(\d+)\.(from|to)$/, (_m, i: string, end: string) => `w${names[Number(i)] ?? 0}.${end}`)
    .replace(/^windows(\.\d+)?$/, 'w0.from');

export type Where = 'home' | 'new' | `venue:${string}`;

export async function load(event: PluginEvent) {
  requirePermission(event, 'mobile-epn.request.create');
  const venues = await orPageError(event, () => mobileEpnCaller(event).venue.mine());
  const raw = event.url.searchParams.get('where') ?? '';
  const where = raw === 'home' || raw === 'new' ? raw : venues.some((v) => v.id === raw) ? raw : null;
  return { venues, where, venue: venues.find((v) => v.id === where) ?? null, locale: event.locals.ctx.locale };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requirePermission(event, 'mobile-epn.request.create');
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const where = field(form, 'where');
    const { fields, names } = fieldsFromForm(form);
    const place =
      where === 'home'
        ? { kind: 'home' as const, ...addressFromForm(form) }
        : where === 'new'
          ? { kind: 'new_venue' as const, type: field(form, 'type') as 'care_home', name: field(form, 'name'), capacity: num(form, 'capacity'), wifi: checked(form, 'wifi'), ...addressFromForm(form) }
          : where
            ? { kind: 'venue' as const, venueId: where }
            : error(400);
    const input = { ...fields, place };
    const rename = renameWith(names);
    const result = await attempt(form, locale, () => mobileEpnCaller(event).request.create(input), { rename });
    if (!('ok' in result)) return explain(result, ZCreateRequest, input, locale, rename);
    redirect(303, `${localizeHref('/mobile/requests')}?sent=1`);
  }
};

