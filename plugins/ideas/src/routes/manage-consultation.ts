import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';
import { nextPhase } from '../services/phases.ts';
import { toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { consultationFromForm } from './consultation-form.ts';
import { requireStaff } from './manage.ts';

type Params = { slug: string };

/** /ideas/manage/[slug]: settings, phase, categories, shortlist and duplicates of one consultation. */
export async function load(event: PluginEvent<Params>) {
  requireStaff(event);
  const api = ideasCaller(event);
  const c = await orPageError(event, () => api.consultation.forEditing({ slug: event.params.slug }));
  const [ideas, results] = await Promise.all([api.idea.list({ slug: c.slug, pageSize: 100, sort: 'oldest' }), api.vote.results({ slug: c.slug })]);
  return {
    consultation: {
      ...c,
      local: {
        submissionStart: toBrusselsLocal(c.submissionStart),
        reviewStart: toBrusselsLocal(c.reviewStart),
        voteStart: toBrusselsLocal(c.voteStart),
        resultsStart: toBrusselsLocal(c.resultsStart),
        followUpStart: toBrusselsLocal(c.followUpStart)
      },
      nextPhase: nextPhase(c.phase)
    },
    ideas: ideas.ideas,
    totalIdeas: ideas.total,
    tally: results.tally,
    created: event.url.searchParams.has('created')
  };
}

async function idOf(event: PluginEvent<Params>) {
  return (await orPageError(event, () => ideasCaller(event).consultation.forEditing({ slug: event.params.slug }))).id;
}

export const actions = {
  update: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await idOf(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).consultation.update({ id, input: consultationFromForm(form) }));
    if (!('ok' in result)) return result;
    if (result.value.slug !== event.params.slug) redirect(303, localizeHref(`/ideas/manage/${result.value.slug}`));
    return { done: 'update' as const };
  },
  advance: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await idOf(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).consultation.advancePhase({ id, to: field(form, 'to') as 'review' }));
    if (!('ok' in result)) return result;
    return { done: 'advance' as const };
  },
  addCategory: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await idOf(event);
    const result = await attempt(form, event.locals.ctx.locale, () =>
      ideasCaller(event).consultation.addCategory({ consultationId: id, name: { fr: field(form, 'category.fr'), nl: field(form, 'category.nl'), en: field(form, 'category.en') } })
    );
    if (!('ok' in result)) return result;
    return { done: 'category' as const };
  },
  removeCategory: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).consultation.removeCategory({ id: field(form, 'categoryId') }));
    if (!('ok' in result)) return result;
    return { done: 'category' as const };
  },
  finalist: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).idea.setFinalist({ ideaId: field(form, 'ideaId'), finalist: field(form, 'finalist') === '1' }));
    if (!('ok' in result)) return result;
    return { done: 'finalist' as const };
  },
  publishShortlist: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await idOf(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).consultation.publishShortlist({ consultationId: id }));
    if (!('ok' in result)) return result;
    return { done: 'shortlist' as const };
  },
  publishResults: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const id = await idOf(event);
    const winnerIds = form.getAll('winnerId').map(String);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).results.publish({ consultationId: id, winnerIds }));
    if (!('ok' in result)) return result;
    return { done: 'results' as const };
  },
  merge: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).idea.merge({ duplicateId: field(form, 'duplicateId'), keptId: field(form, 'keptId') }));
    if (!('ok' in result)) return result;
    return { done: 'merge' as const };
  }
};
