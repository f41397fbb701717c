import { z } from 'zod';
import { ZConsultationInput, ZSlug } from '../services/consultations.ts';
import { ZCommentBody, ZReason } from '../services/comments.ts';
import { ZIdeaFields, ZListFilters } from '../services/ideas.ts';
import { zLocalized } from '../services/localized.ts';
import { ZCitizen, ZMediatedVotes } from '../services/mediation.ts';
import { PHASES } from '../services/phases.ts';
import { SCORE_MAX, ZCriterionInput } from '../services/jury.ts';
import { STAGES, ZLinks } from '../services/results.ts';

export const ZId = z.string().min(1).max(64);
export const ZBySlug = z.object({ slug: z.string().min(1).max(60) });
export const ZById = z.object({ id: ZId });

export const ZCreateConsultation = ZConsultationInput.extend({ categories: z.array(zLocalized(80)).max(30).default([]) });
export const ZUpdateConsultation = z.object({ id: ZId, input: ZConsultationInput });
export const ZAdvancePhase = z.object({ id: ZId, to: z.enum(PHASES) });
export const ZAddCategory = z.object({ consultationId: ZId, name: zLocalized(80) });

export const ZListIdeas = ZListFilters.extend({ slug: ZSlug.or(z.string().min(1).max(60)) });
export const ZGetIdea = z.object({ slug: z.string().min(1).max(60), number: z.number().int().min(1).max(1_000_000) });
export const ZSimilar = z.object({ slug: z.string().min(1).max(60), text: z.string().max(300), excludeId: ZId.optional() });
export const ZSubmitIdea = z.object({ consultationId: ZId, fields: ZIdeaFields });
export const ZUpdateIdea = z.object({ ideaId: ZId, fields: ZIdeaFields });
export const ZMerge = z.object({ duplicateId: ZId, keptId: ZId });
export const ZSetFinalist = z.object({ ideaId: ZId, finalist: z.boolean() });
export const ZPublishShortlist = z.object({ consultationId: ZId });

export const ZAddComment = z.object({ ideaId: ZId, parentId: ZId.nullish(), body: ZCommentBody });
export const ZListComments = z.object({ ideaId: ZId });
export const ZReport = z.object({ ideaId: ZId, commentId: ZId.nullish(), reason: ZReason });
export const ZModerate = z.object({
  target: z.discriminatedUnion('kind', [z.object({ kind: z.literal('idea'), id: ZId }), z.object({ kind: z.literal('comment'), id: ZId })]),
  action: z.enum(['hide', 'restore', 'dismiss']),
  reason: ZReason
});

export const ZCastVote = z.object({ ideaId: ZId, count: z.number().int().min(1).max(50).default(1) });
export const ZWithdrawVote = z.object({ ideaId: ZId });
export const ZMyBallot = z.object({ consultationId: ZId });
export const ZResults = z.object({ slug: z.string().min(1).max(60) });

export const ZMediatedIdea = z.object({ consultationId: ZId, organisationId: ZId.nullish(), citizen: ZCitizen, fields: ZIdeaFields });
export const ZMediatedVote = z.object({ consultationId: ZId, organisationId: ZId.nullish(), citizen: ZCitizen, votes: ZMediatedVotes });
export const ZMediatorToday = z.object({ consultationId: ZId });

export const ZAddJuror = z.object({ consultationId: ZId, email: z.string().trim().toLowerCase().email().max(254) });
export const ZRemoveJuror = z.object({ consultationId: ZId, userId: ZId });
export const ZConsultationRef = z.object({ consultationId: ZId });
export const ZSaveCriteria = z.object({ consultationId: ZId, criteria: z.array(ZCriterionInput).min(1).max(10) });
export const ZScore = z.object({ ideaId: ZId, scores: z.record(ZId, z.number().int().min(0).max(SCORE_MAX)), note: z.string().trim().max(2000).default('') });
export const ZConflict = z.object({ ideaId: ZId, conflict: z.boolean() });

export const ZPublishResults = z.object({ consultationId: ZId, winnerIds: z.array(ZId).min(1).max(50) });
export const ZAddUpdate = z.object({ ideaId: ZId, stage: z.enum(STAGES), body: z.string().trim().max(5000).default(''), links: ZLinks.default([]), date: z.coerce.date() });
export const ZIdeaRef = z.object({ ideaId: ZId });
export const ZFollow = z.object({ ideaId: ZId, follow: z.boolean() });
export const ZPrefs = z.object({ onStatus: z.boolean(), onReply: z.boolean(), onFollowed: z.boolean() });
export const ZUnsubscribe = z.object({ token: z.string().min(20).max(100), kind: z.enum(['status', 'reply', 'followed', 'all']) });

export const ZDataset = z.object({ slug: z.string().min(1).max(60), name: z.enum(['ideas', 'comments', 'votes']) });
