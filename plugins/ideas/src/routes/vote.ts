import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';

type Params = { slug: string };

/** /ideas/[slug]/vote: the finalists, the visitor's votes and what is left of their budget. */
export async function load(event: PluginEvent<Params>) {
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const [finalists, ballot] = await Promise.all([
    consultation.shortlistPublished ? api.idea.list({ slug: consultation.slug, finalists: true, pageSize: 100, sort: 'oldest' }) : null,
    api.vote.mine({ consultationId: consultation.id })
  ]);
  return { consultation, finalists: finalists?.ideas ?? [], ballot, signedIn: event.locals.ctx.actor !== null, canVote: event.locals.ctx.permissions.has('ideas.vote.cast') };
}

export const actions = {
  vote: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).vote.cast({ ideaId: field(form, 'ideaId'), count: Number(field(form, 'count') || 1) }));
    if (!('ok' in result)) return result;
    return { done: 'vote' as const, ideaId: field(form, 'ideaId') };
  },
  withdraw: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).vote.withdraw({ ideaId: field(form, 'ideaId') }));
    if (!('ok' in result)) return result;
    return { done: 'withdraw' as const, ideaId: field(form, 'ideaId') };
  }
};
