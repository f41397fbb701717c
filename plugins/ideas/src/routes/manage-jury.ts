import { attempt } from './forms.ts';
import { field, numberField, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { requireStaff } from './manage.ts';

type Params = { slug: string };

/** /ideas/manage/[slug]/jury: jurors, weighted criteria, the scoring grid and the report exports. */
export async function load(event: PluginEvent<Params>) {
  requireStaff(event);
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const [jurors, criteria, grid] = await Promise.all([api.jury.jurors({ consultationId: consultation.id }), api.jury.criteria({ consultationId: consultation.id }), api.jury.grid({ consultationId: consultation.id })]);
  return { consultation, jurors, criteria, grid };
}

async function consultationId(event: PluginEvent<Params>) {
  return (await orPageError(event, () => ideasCaller(event).consultation.get({ slug: event.params.slug }))).id;
}

export const actions = {
  addJuror: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await consultationId(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).jury.addJuror({ consultationId: id, email: field(form, 'email') }));
    if (!('ok' in result)) return result;
    return { done: 'juror' as const };
  },
  removeJuror: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await consultationId(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).jury.removeJuror({ consultationId: id, userId: field(form, 'userId') }));
    if (!('ok' in result)) return result;
    return { done: 'juror' as const };
  },
  criteria: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await consultationId(event);
    const ids = form.getAll('criterionId').map(String);
    const criteria = ids
      .map((cid, i) => ({
        ...(cid ? { id: cid } : {}),
        name: { fr: field(form, `name-${i}.fr`), nl: field(form, `name-${i}.nl`), en: field(form, `name-${i}.en`) },
        description: { fr: field(form, `description-${i}.fr`), nl: field(form, `description-${i}.nl`), en: field(form, `description-${i}.en`) },
        weight: numberField(form, `weight-${i}`),
        remove: form.get(`remove-${i}`) !== null
      }))
      .filter((c) => !c.remove && (c.id || c.name.fr || c.name.nl || c.name.en))
      .map(({ remove: _remove, ...c }) => c);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).jury.saveCriteria({ consultationId: id, criteria }));
    if (!('ok' in result)) return result;
    return { done: 'criteria' as const };
  }
};
