import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { checked, field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { COMMUNES, communeName } from '@passerelle/db/communes';
import { mobileEpnCaller } from '../server/router.ts';
import { ZMediateRequest } from '../services/requests.ts';
import { explain, num, requirePermission } from './dir-common.ts';
import { addressFromForm, fieldsFromForm, renameWith } from './request-form.ts';

/** /mobile/mediate: an EPN mediator asks for a workshop for a citizen without an account. */
export async function load(event: PluginEvent) {
  requirePermission(event, 'mobile-epn.request.mediate');
  const { locale } = event.locals.ctx;
  const mediation = await orPageError(event, () => mobileEpnCaller(event).request.mediation());
  const communes = COMMUNES.map((c) => ({ value: c.nis, label: communeName(c.nis, locale) ?? c.nameFr })).sort((a, b) => a.label.localeCompare(b.label, locale));
  return { ...mediation, communes, locale };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requirePermission(event, 'mobile-epn.request.mediate');
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const { fields, names } = fieldsFromForm(form);
    const place = field(form, 'where') === 'venue' ? { kind: 'venue' as const, venueId: field(form, 'venueId') } : { kind: 'home' as const, ...addressFromForm(form) };
    const citizen = { initials: field(form, 'initials'), birthYear: num(form, 'birthYear'), communeNis: field(form, 'citizenCommune'), consent: checked(form, 'consent') as true };
    const input = { ...fields, citizen, place };
    const rename = renameWith(names);
    const result = await attempt(form, locale, () => mobileEpnCaller(event).request.mediate(input), { rename });
    if (!('ok' in result)) return explain(result, ZMediateRequest, input, locale, rename);
    redirect(303, `${localizeHref('/mobile/requests')}?mediated=1`);
  }
};
