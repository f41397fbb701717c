import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';
import { ideaNumber } from './edit-idea.ts';

type Params = { slug: string; number: string };

/** /ideas/[slug]/[number]: one idea, its comments, and what the visitor may do with it. */
export async function load(event: PluginEvent<Params>) {
  const api = ideasCaller(event);
  const { ctx } = event.locals;
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const idea = await orPageError(event, () => api.idea.get({ slug: consultation.slug, number: ideaNumber(event.params) }));
  const [comments, ballot] = await Promise.all([api.comment.list({ ideaId: idea.id }), api.vote.mine({ consultationId: consultation.id })]);
  return {
    consultation,
    idea,
    comments,
    ballot,
    submitted: event.url.searchParams.has('submitted'),
    saved: event.url.searchParams.has('saved'),
    signedIn: ctx.actor !== null,
    canComment: ctx.permissions.has('ideas.comment.write'),
    canReport: ctx.permissions.has('ideas.report.create'),
    canVote: ctx.permissions.has('ideas.vote.cast'),
    canModerate: ctx.permissions.has('ideas.moderation.manage')
  };
}

async function withIdea(event: PluginEvent<Params>) {
  return orPageError(event, () => ideasCaller(event).idea.get({ slug: event.params.slug, number: ideaNumber(event.params) }));
}

export const actions = {
  comment: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const idea = await withIdea(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).comment.add({ ideaId: idea.id, parentId: field(form, 'parentId') || null, body: field(form, 'body') }));
    if (!('ok' in result)) return result;
    return { done: 'comment' as const, commentId: result.value.id };
  },
  report: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const idea = await withIdea(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).comment.report({ ideaId: idea.id, commentId: field(form, 'commentId') || null, reason: field(form, 'reason') }));
    if (!('ok' in result)) return result;
    return { done: 'report' as const };
  },
  vote: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const idea = await withIdea(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).vote.cast({ ideaId: idea.id, count: Number(field(form, 'count') || 1) }));
    if (!('ok' in result)) return result;
    return { done: 'vote' as const };
  },
  withdraw: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const idea = await withIdea(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).vote.withdraw({ ideaId: idea.id }));
    if (!('ok' in result)) return result;
    return { done: 'withdraw' as const };
  }
};
