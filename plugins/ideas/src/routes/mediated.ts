import { error } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { communeOptions } from './consultation.ts';
import { attempt, citizenFromForm, ideaFieldsFromForm, pickPoint } from './forms.ts';

type Params = { slug: string };

/** /ideas/[slug]/mediated: a mediator records an idea or a ballot for a citizen without an account. */
export async function load(event: PluginEvent<Params>) {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!ctx.permissions.has('ideas.mediation.record')) error(403, ctx.translate('error_forbidden'));
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const [today, finalists] = await Promise.all([
    api.mediation.today({ consultationId: consultation.id }),
    consultation.phase === 'vote' && consultation.shortlistPublished ? api.idea.list({ slug: consultation.slug, finalists: true, pageSize: 100, sort: 'oldest' }) : null
  ]);
  return { consultation, today, finalists: finalists?.ideas ?? [], communes: communeOptions(ctx.locale), locale: ctx.locale, organisations: ctx.actor!.memberships.map((m) => m.organisationId) };
}

export const actions = {
  pick: async (event: PluginEvent<Params>) => {
    return { picked: true, values: pickPoint(await event.request.formData()) };
  },
  idea: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const api = ideasCaller(event);
    const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
    const result = await attempt(form, event.locals.ctx.locale, () => api.mediation.idea({ consultationId: consultation.id, citizen: citizenFromForm(form), fields: ideaFieldsFromForm(form) }));
    if (!('ok' in result)) return result;
    return { done: 'idea' as const, number: result.value.number };
  },
  vote: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const api = ideasCaller(event);
    const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
    const votes = form
      .getAll('ideaId')
      .filter((v): v is string => typeof v === 'string')
      .map((ideaId) => ({ ideaId, count: 1 }));
    const result = await attempt(form, event.locals.ctx.locale, () => api.mediation.vote({ consultationId: consultation.id, citizen: citizenFromForm(form), votes }));
    if (!('ok' in result)) return result;
    return { done: 'vote' as const, used: result.value.used, values: { consent: '' } };
  }
};

export { field };
