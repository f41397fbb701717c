import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { asLocalized, pick, zLocalized } from './localized.ts';
import { currentPhase } from './phases.ts';

// The jury: staff invite jurors (a role scoped to one consultation) and set weighted criteria scored
// 0–5. Each juror scores each idea with a private note, or declares a conflict of interest, which
// excludes them from that idea. The grid gives each idea's weighted mean, the spread between jurors and
// how many jurors scored it; staff shortlist with it as a guide.

export const SCORE_MAX = 5;

export const ZCriterionInput = z.object({
  id: z.string().max(64).optional(),
  name: zLocalized(120),
  description: zLocalized(500, 0),
  weight: z.number().min(0.1).max(10)
});

async function consultationOr404(db: Db, consultationId: string) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId } });
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

export async function isJuror(db: Db, consultationId: string, userId: string): Promise<boolean> {
  return (await db.ideasJuror.count({ where: { consultationId, userId } })) > 0;
}

async function requireJuror(db: Db, consultationId: string, actor: Actor) {
  if (!(await isJuror(db, consultationId, actor.id))) throw new AppError('FORBIDDEN', 'not a juror', { messageKey: 'ideas_error_not_juror' });
}

export async function addJuror({ db, actorId, consultationId, email }: { db: Db; actorId: string; consultationId: string; email: string }) {
  await consultationOr404(db, consultationId);
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, displayName: true, locale: true } });
  if (!user) throw new AppError('VALIDATION', 'no such user', { fieldErrors: { email: 'error_user_not_found' }, messageKey: 'error_user_not_found' });
  await db.$transaction(async (tx) => {
    await tx.ideasJuror.upsert({ where: { consultationId_userId: { consultationId, userId: user.id } }, create: { consultationId, userId: user.id, invitedById: actorId }, update: {} });
    await audit({ db: tx as Db, actorId, action: 'ideas.jury.add', targetType: 'ideas.consultation', targetId: consultationId, data: { userId: user.id } });
  });
  return user;
}

export async function removeJuror({ db, actorId, consultationId, userId }: { db: Db; actorId: string; consultationId: string; userId: string }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.ideasJuror.deleteMany({ where: { consultationId, userId } });
    if (!count) throw new AppError('NOT_FOUND');
    await audit({ db: tx as Db, actorId, action: 'ideas.jury.remove', targetType: 'ideas.consultation', targetId: consultationId, data: { userId } });
  });
}

export async function listJurors({ db, consultationId }: { db: Db; consultationId: string }) {
  const rows = await db.ideasJuror.findMany({ where: { consultationId }, include: { user: { select: { id: true, displayName: true, email: true } } }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.user);
}

/** Replaces the criteria: existing ones (by id) are updated, new ones created, missing ones removed with their scores. */
export async function saveCriteria({ db, actorId, consultationId, criteria }: { db: Db; actorId: string; consultationId: string; criteria: z.infer<typeof ZCriterionInput>[] }) {
  await consultationOr404(db, consultationId);
  await db.$transaction(async (tx) => {
    const existing = await tx.ideasCriterion.findMany({ where: { consultationId }, select: { id: true } });
    const keep = new Set(criteria.flatMap((c) => (c.id ? [c.id] : [])));
    for (const id of keep) if (!existing.some((e) => e.id === id)) throw new AppError('NOT_FOUND');
    await tx.ideasCriterion.deleteMany({ where: { consultationId, id: { notIn: [...keep] } } });
    for (const [position, c] of criteria.entries()) {
      const data = { name: c.name, description: c.description, weight: c.weight, position };
      if (c.id) await tx.ideasCriterion.update({ where: { id: c.id }, data });
      else await tx.ideasCriterion.create({ data: { ...data, consultationId } });
    }
    await audit({ db: tx as Db, actorId, action: 'ideas.jury.criteria', targetType: 'ideas.consultation', targetId: consultationId, data: { count: criteria.length } });
  });
}

export async function listCriteria({ db, consultationId, locale }: { db: Db; consultationId: string; locale?: string }) {
  const rows = await db.ideasCriterion.findMany({ where: { consultationId }, orderBy: { position: 'asc' } });
  return rows.map((r) => ({ id: r.id, weight: r.weight, name: locale ? pick(r.name, locale) : '', description: locale ? pick(r.description, locale) : '', names: asLocalized(r.name), descriptions: asLocalized(r.description) }));
}

/** What one juror sees: the ideas, the criteria, and only their own scores and notes. */
export async function myJuryWork({ db, actor, consultationId, locale, now = new Date() }: { db: Db; actor: Actor; consultationId: string; locale: string; now?: Date }) {
  const c = await consultationOr404(db, consultationId);
  await requireJuror(db, consultationId, actor);
  const [criteria, ideas, scores, reviews] = await Promise.all([
    listCriteria({ db, consultationId, locale }),
    db.ideasIdea.findMany({ where: { consultationId, status: 'published' }, orderBy: { number: 'asc' }, select: { id: true, number: true, title: true, summary: true } }),
    db.ideasScore.findMany({ where: { jurorId: actor.id, idea: { consultationId } } }),
    db.ideasJuryReview.findMany({ where: { jurorId: actor.id, idea: { consultationId } } })
  ]);
  return {
    open: currentPhase(c, now) === 'review',
    criteria: criteria.map(({ id, name, description, weight }) => ({ id, name, description, weight })),
    ideas: ideas.map((idea) => {
      const review = reviews.find((r) => r.ideaId === idea.id);
      return {
        ...idea,
        scores: Object.fromEntries(scores.filter((s) => s.ideaId === idea.id).map((s) => [s.criterionId, s.value])),
        note: review?.note ?? '',
        conflict: review?.conflict ?? false
      };
    })
  };
}

async function loadIdeaForJury(db: Db, ideaId: string, actor: Actor, now: Date) {
  const idea = await db.ideasIdea.findUnique({ where: { id: ideaId }, include: { consultation: true } });
  if (!idea || idea.status !== 'published') throw new AppError('NOT_FOUND');
  await requireJuror(db, idea.consultationId, actor);
  if (currentPhase(idea.consultation, now) !== 'review') throw new AppError('CONFLICT', 'review closed', { messageKey: 'ideas_error_review_closed' });
  return idea;
}

/** A juror scores an idea on every criterion (0–5) with a private note. Refused after declaring a conflict. */
export async function scoreIdea({ db, actor, ideaId, scores, note, now = new Date() }: { db: Db; actor: Actor; ideaId: string; scores: Record<string, number>; note: string; now?: Date }) {
  const idea = await loadIdeaForJury(db, ideaId, actor, now);
  const criteria = await db.ideasCriterion.findMany({ where: { consultationId: idea.consultationId }, select: { id: true } });
  const missing = criteria.filter((c) => scores[c.id] === undefined);
  const unknown = Object.keys(scores).filter((id) => !criteria.some((c) => c.id === id));
  if (missing.length || unknown.length) {
    throw new AppError('VALIDATION', 'every criterion needs a score', { messageKey: 'ideas_error_score_all', fieldErrors: Object.fromEntries(missing.map((c) => [`score-${c.id}`, 'ideas_error_score_all'])) });
  }
  await db.$transaction(async (tx) => {
    const review = await tx.ideasJuryReview.findUnique({ where: { ideaId_jurorId: { ideaId, jurorId: actor.id } } });
    if (review?.conflict) throw new AppError('CONFLICT', 'conflict of interest declared', { messageKey: 'ideas_error_conflict_declared' });
    for (const [criterionId, value] of Object.entries(scores)) {
      await tx.ideasScore.upsert({ where: { ideaId_jurorId_criterionId: { ideaId, jurorId: actor.id, criterionId } }, create: { ideaId, jurorId: actor.id, criterionId, value }, update: { value } });
    }
    await tx.ideasJuryReview.upsert({ where: { ideaId_jurorId: { ideaId, jurorId: actor.id } }, create: { ideaId, jurorId: actor.id, note }, update: { note } });
  });
}

/** A juror declares (or withdraws) a conflict of interest; declaring removes their scores on the idea. */
export async function declareConflict({ db, actor, ideaId, conflict, now = new Date() }: { db: Db; actor: Actor; ideaId: string; conflict: boolean; now?: Date }) {
  const idea = await loadIdeaForJury(db, ideaId, actor, now);
  await db.$transaction(async (tx) => {
    if (conflict) await tx.ideasScore.deleteMany({ where: { ideaId, jurorId: actor.id } });
    await tx.ideasJuryReview.upsert({ where: { ideaId_jurorId: { ideaId, jurorId: actor.id } }, create: { ideaId, jurorId: actor.id, conflict }, update: { conflict } });
    await audit({ db: tx as Db, actorId: actor.id, action: conflict ? 'ideas.jury.conflict' : 'ideas.jury.conflict_withdrawn', targetType: 'ideas.idea', targetId: idea.id });
  });
}

export type GridRow = {
  ideaId: string;
  number: number;
  title: string;
  finalist: boolean;
  /** Mean over jurors of each juror's weighted mean (0–5); null when nobody scored. */
  mean: number | null;
  /** Highest minus lowest juror mean. */
  spread: number | null;
  /** Standard deviation of the juror means (population). */
  sd: number | null;
  jurors: number;
  conflicts: number;
  /** Per criterion: mean of the jurors' scores. */
  byCriterion: Record<string, number | null>;
  rank: number | null;
};

/** The jury grid, best weighted mean first (ideas nobody scored come last). */
export async function juryGrid({ db, consultationId }: { db: Db; consultationId: string }): Promise<{ criteria: { id: string; name: unknown; weight: number }[]; rows: GridRow[]; jurors: number }> {
  await consultationOr404(db, consultationId);
  const [criteria, ideas, scores, reviews, jurors] = await Promise.all([
    db.ideasCriterion.findMany({ where: { consultationId }, orderBy: { position: 'asc' }, select: { id: true, name: true, weight: true } }),
    db.ideasIdea.findMany({ where: { consultationId, status: 'published' }, orderBy: { number: 'asc' }, select: { id: true, number: true, title: true, finalist: true } }),
    db.ideasScore.findMany({ where: { idea: { consultationId } }, select: { ideaId: true, jurorId: true, criterionId: true, value: true } }),
    db.ideasJuryReview.findMany({ where: { idea: { consultationId }, conflict: true }, select: { ideaId: true } }),
    db.ideasJuror.count({ where: { consultationId } })
  ]);
  const weight = new Map(criteria.map((c) => [c.id, c.weight]));
  const rows: GridRow[] = ideas.map((idea) => {
    const mine = scores.filter((s) => s.ideaId === idea.id && weight.has(s.criterionId));
    const byJuror = new Map<string, { sum: number; weights: number }>();
    for (const s of mine) {
      const w = weight.get(s.criterionId)!;
      const acc = byJuror.get(s.jurorId) ?? { sum: 0, weights: 0 };
      acc.sum += w * s.value;
      acc.weights += w;
      byJuror.set(s.jurorId, acc);
    }
    const means = [...byJuror.values()].map((a) => a.sum / a.weights);
    const mean = means.length ? means.reduce((a, b) => a + b, 0) / means.length : null;
    const sd = mean === null ? null : Math.sqrt(means.reduce((a, m) => a + (m - mean) ** 2, 0) / means.length);
    const byCriterion = Object.fromEntries(
      criteria.map((c) => {
        const values = mine.filter((s) => s.criterionId === c.id).map((s) => s.value);
        return [c.id, values.length ? values.reduce((a, b) => a + b, 0) / values.length : null];
      })
    );
    return {
      ideaId: idea.id,
      number: idea.number,
      title: idea.title,
      finalist: idea.finalist,
      mean,
      spread: means.length ? Math.max(...means) - Math.min(...means) : null,
      sd,
      jurors: means.length,
      conflicts: reviews.filter((r) => r.ideaId === idea.id).length,
      byCriterion,
      rank: null
    };
  });
  rows.sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || a.number - b.number);
  let rank = 0;
  for (const row of rows) if (row.mean !== null) row.rank = ++rank;
  return { criteria, rows, jurors };
}

/** The jury report as a table: one row per idea, ranked, with each criterion's mean. */
export async function juryReportTable({ db, consultationId, locale, t }: { db: Db; consultationId: string; locale: string; t: (key: string) => string }) {
  const grid = await juryGrid({ db, consultationId });
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  const header = [t('ideas_grid_rank'), t('ideas_fact_number'), t('ideas_field_title'), ...grid.criteria.map((c) => `${pick(c.name, locale)} (×${c.weight})`), t('ideas_grid_mean'), t('ideas_grid_spread'), t('ideas_grid_jurors'), t('ideas_grid_conflicts'), t('ideas_finalist')];
  const rows = grid.rows.map((r) => [r.rank, r.number, r.title, ...grid.criteria.map((c) => round(r.byCriterion[c.id] ?? null)), round(r.mean), round(r.spread), r.jurors, r.conflicts, r.finalist ? t('ideas_yes') : t('ideas_no')]);
  return { header, rows };
}
