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
  const [comments, ballot, timeline, following] = await Promise.all([
    api.comment.list({ ideaId: idea.id }),
    ctx.actor ? api.vote.mine({ consultationId: consultation.id }) : { budget: consultation.settings.voteBudget, used: 0, votes: {} as Record<string, number> },
    idea.winner ? api.followup.timeline({ ideaId: idea.id }) : [],
    ctx.actor ? api.followup.following({ ideaId: idea.id }) : false
  ]);
  return {
    consultation,
    idea,
    comments,
    ballot,
    timeline,
    following,
    today: new Date().toISOString().slice(0, 10),
    submitted: event.url.searchParams.has('submitted'),
    saved: event.url.searchParams.has('saved'),
    signedIn: ctx.actor !== null,
    canComment: ctx.permissions.has('ideas.comment.write'),
    canReport: ctx.permissions.has('ideas.report.create'),
    canVote: ctx.permissions.has('ideas.vote.cast'),
    canModerate: ctx.permissions.has('ideas.moderation.manage'),
    canManage: ctx.permissions.has('ideas.consultation.manage')
  };
}

async function withIdea(event: PluginEvent<Params>) {
  return orPageError(event, () => ideasCaller(event).idea.get({ slug: event.params.slug, number: ideaNumber(event.params) }));
}

export const actions = {
  follow: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const idea = await withIdea(event);
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).followup.follow({ ideaId: idea.id, follow: field(form, 'follow') === '1' }));
    if (!('ok' in result)) return result;
    return { done: result.value.following ? ('follow' as const) : ('unfollow' as const) };
  },
  update: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const idea = await withIdea(event);
    const links = field(form, 'links')
      .split(/\s+/)
      .filter(Boolean);
    const result = await attempt(form, event.locals.ctx.locale, () =>
      ideasCaller(event).followup.add({ ideaId: idea.id, stage: field(form, 'stage') as 'selected', body: field(form, 'body'), links, date: new Date(`${field(form, 'date')}T12:00:00Z`) })
    );
    if (!('ok' in result)) return result;
    return { done: 'update' as const };
  },
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
