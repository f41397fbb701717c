import { z } from 'zod';
import { ZConsultationInput, ZSlug } from '../services/consultations.ts';
import { ZCommentBody, ZReason } from '../services/comments.ts';
import { ZIdeaFields, ZListFilters } from '../services/ideas.ts';
import { zLocalized } from '../services/localized.ts';
import { ZCitizen, ZMediatedVotes } from '../services/mediation.ts';
import { PHASES } from '../services/phases.ts';

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
