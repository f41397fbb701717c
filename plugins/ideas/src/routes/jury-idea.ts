import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';
import { ideaNumber } from './edit-idea.ts';

type Params = { slug: string; number: string };

/** /ideas/[slug]/jury/[number]: read one idea, score it on each criterion, or declare a conflict. */
export async function load(event: PluginEvent<Params>) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const work = await orPageError(event, () => api.jury.mine({ consultationId: consultation.id }));
  const number = ideaNumber(event.params);
  const index = work.ideas.findIndex((i) => i.number === number);
  if (index < 0) error(404, event.locals.ctx.translate('error_not_found'));
  const idea = await orPageError(event, () => api.idea.get({ slug: consultation.slug, number }));
  return { consultation, open: work.open, criteria: work.criteria, mine: work.ideas[index]!, idea, next: work.ideas[index + 1]?.number ?? null, previous: work.ideas[index - 1]?.number ?? null };
}

async function ideaId(event: PluginEvent<Params>) {
  return (await orPageError(event, () => ideasCaller(event).idea.get({ slug: event.params.slug, number: ideaNumber(event.params) }))).id;
}

export const actions = {
  score: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await ideaId(event);
    const scores: Record<string, number> = {};
    for (const [key, value] of form) {
      if (key.startsWith('score-') && typeof value === 'string' && value !== '') scores[key.slice(6)] = Number(value);
    }
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).jury.score({ ideaId: id, scores, note: field(form, 'note') }));
    if (!('ok' in result)) return result;
    const next = field(form, 'next');
    if (next) redirect(303, localizeHref(`/ideas/${event.params.slug}/jury/${Number(next)}?saved=1`));
    return { done: 'score' as const };
  },
  conflict: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await ideaId(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).jury.declareConflict({ ideaId: id, conflict: field(form, 'conflict') === '1' }));
    if (!('ok' in result)) return result;
    return { done: 'conflict' as const };
  }
};
