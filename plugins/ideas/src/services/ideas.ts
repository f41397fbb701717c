import { z } from 'zod';
import { Prisma, sqlOf, type Db } from '@passerelle/db';
import { BRUSSELS_BOUNDS, communeName } from '@passerelle/db/communes';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { pick } from './localized.ts';
import { ideaLimits } from './limits.ts';
import { plainText, renderMarkdown } from './markdown.ts';
import { lockKey } from './locks.ts';
import { currentPhase, type PhaseDates } from './phases.ts';
import { mostSimilar } from './similarity.ts';

// The Brussels-Capital Region, with a margin: a point outside it is a typing or clicking mistake.
export { BRUSSELS_BOUNDS };

export const ZCommuneNis = z.string().regex(/^210(0[1-9]|1[0-9])$/);

export const ZIdeaFields = z
  .object({
    title: z.string().trim().min(5).max(140),
    summary: z.string().trim().min(10).max(300),
    description: z.string().trim().max(10000).default(''),
    categoryId: z.string().max(64).nullish(),
    communeNis: ZCommuneNis,
    latitude: z.number().min(BRUSSELS_BOUNDS.south).max(BRUSSELS_BOUNDS.north).nullish(),
    longitude: z.number().min(BRUSSELS_BOUNDS.west).max(BRUSSELS_BOUNDS.east).nullish(),
    language: z.enum(['fr', 'nl', 'en']),
    showAuthorName: z.boolean().default(false)
  })
  .refine((v) => (v.latitude == null) === (v.longitude == null), { path: ['latitude'], message: 'both coordinates or none' });
export type IdeaFields = z.infer<typeof ZIdeaFields>;


async function loadConsultation(db: Db, consultationId: string) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId } });
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** A category, when given, must belong to the consultation. */
export async function checkCategory(db: Db, consultationId: string, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const cat = await db.ideasCategory.findUnique({ where: { id: categoryId }, select: { consultationId: true } });
  if (!cat || cat.consultationId !== consultationId) {
    throw new AppError('VALIDATION', 'unknown category', { fieldErrors: { categoryId: 'error_field_invalid' } });
  }
}

function requireSubmissionPhase(c: Parameters<typeof currentPhase>[0], now: Date) {
  if (currentPhase(c, now) !== 'submission') throw new AppError('CONFLICT', 'submission closed', { messageKey: 'ideas_error_submission_closed' });
}

/** The columns an idea's form sets. */
export function ideaColumns(fields: IdeaFields) {
  return {
    title: fields.title,
    summary: fields.summary,
    description: fields.description,
    categoryId: fields.categoryId ?? null,
    communeNis: fields.communeNis,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
    language: fields.language,
    showAuthorName: fields.showAuthorName
  };
}

type NewIdea = Omit<Prisma.IdeasIdeaUncheckedCreateInput, 'number'>;

/**
 * Creates an idea with the next number of its consultation, in one transaction: `prepare` runs first
 * (checks, locks, related rows) and returns the idea's data; `after` runs with the created idea.
 * Retried if two ideas take the same number at once.
 */
export async function insertIdea(db: Db, prepare: (tx: Db) => Promise<NewIdea>, after?: (tx: Db, idea: { id: string; number: number }) => Promise<void>, options: { maxWait?: number; timeout?: number } = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const data = await prepare(tx as Db);
        const last = await tx.ideasIdea.aggregate({ where: { consultationId: data.consultationId }, _max: { number: true } });
        const idea = await tx.ideasIdea.create({ data: { ...data, number: (last._max.number ?? 0) + 1 } });
        if (after) await after(tx as Db, idea);
        return idea;
      }, options);
    } catch (e) {
      const unique = e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
      if (!unique || attempt >= 4) throw e;
    }
  }
}

export async function submitIdea({ db, actor, consultationId, fields, now = new Date() }: { db: Db; actor: Actor; consultationId: string; fields: IdeaFields; now?: Date }) {
  const c = await loadConsultation(db, consultationId);
  requireSubmissionPhase(c, now);
  await checkCategory(db, consultationId, fields.categoryId);
  await ideaLimits.idea.consume({ db, key: actor.id });
  const idea = await insertIdea(db, async (tx) => {
    // One person's submissions are serialised, so the maximum holds even for parallel requests.
    await lockKey(tx, `ideas:${consultationId}:${actor.id}`);
    const mine = await tx.ideasIdea.count({ where: { consultationId, authorId: actor.id } });
    if (mine >= c.maxIdeasPerPerson) {
      throw new AppError('CONFLICT', 'idea limit', { messageKey: 'ideas_error_idea_limit', params: { max: c.maxIdeasPerPerson } });
    }
    return { ...ideaColumns(fields), consultationId, authorId: actor.id };
  });
  return { id: idea.id, number: idea.number };
}

export async function updateIdea({ db, actor, ideaId, fields, now = new Date() }: { db: Db; actor: Actor; ideaId: string; fields: IdeaFields; now?: Date }) {
  const idea = await db.ideasIdea.findUnique({ where: { id: ideaId }, include: { consultation: true } });
  if (!idea) throw new AppError('NOT_FOUND');
  if (idea.authorId !== actor.id) throw new AppError('FORBIDDEN', 'not the author', { messageKey: 'ideas_error_not_author' });
  requireSubmissionPhase(idea.consultation, now);
  if (idea.status === 'merged') throw new AppError('CONFLICT', 'merged', { messageKey: 'ideas_error_merged' });
  await checkCategory(db, idea.consultationId, fields.categoryId);
  const updated = await db.ideasIdea.update({ where: { id: ideaId }, data: ideaColumns(fields) });
  return { id: updated.id, number: updated.number };
}

// Idea pages and lists are the most read pages of the plugin: they are read with plain SQL (sqlOf), one
// statement for the ideas with their category, author name, mediation initials and visible comments.

/** An idea row with what the pages show of its relations. */
interface IdeaRow {
  id: string;
  consultationId: string;
  number: number;
  title: string;
  summary: string;
  description: string;
  categoryId: string | null;
  communeNis: string;
  latitude: number | null;
  longitude: number | null;
  language: string;
  authorId: string | null;
  showAuthorName: boolean;
  mediationId: string | null;
  status: string;
  hiddenReason: string | null;
  mergedIntoId: string | null;
  finalist: boolean;
  winner: boolean;
  stage: string | null;
  imageId: string | null;
  createdAt: Date;
  updatedAt: Date;
  category: { id: string; name: unknown } | null;
  authorName: string | null;
  mediationInitials: string | null;
  commentCount: number;
  mergedInto?: { number: number; title: string } | null;
  image?: { id: string; alt: string; width: number; height: number } | null;
}

const IDEA_SELECT = `i."id", i."consultationId", i."number", i."title", i."summary", i."description", i."categoryId", i."communeNis", i."latitude", i."longitude",
  i."language", i."authorId", i."showAuthorName", i."mediationId", i."status", i."hiddenReason", i."mergedIntoId", i."finalist", i."winner", i."stage",
  i."imageId", i."createdAt", i."updatedAt",
  CASE WHEN k."id" IS NULL THEN NULL ELSE json_build_object('id', k."id", 'name', k."name") END AS "category",
  u."displayName" AS "authorName",
  (SELECT COUNT(*)::int FROM "ideas_comment" cm WHERE cm."ideaId" = i."id" AND cm."hiddenAt" IS NULL) AS "commentCount"`;
const IDEA_JOINS = `LEFT JOIN "ideas_category" k ON k."id" = i."categoryId" LEFT JOIN "core_user" u ON u."id" = i."authorId"`;

/** One idea as a given person sees it: the author's name only if they chose to show it (staff always). */
export function ideaView(idea: IdeaRow, { locale, viewerId, staff }: { locale: string; viewerId: string | null; staff: boolean }) {
  const mine = viewerId !== null && idea.authorId === viewerId;
  const authorShown = idea.showAuthorName || staff;
  return {
    id: idea.id,
    number: idea.number,
    title: idea.title,
    summary: idea.summary,
    category: idea.category ? { id: idea.category.id, name: pick(idea.category.name, locale) } : null,
    commune: { nis: idea.communeNis, name: communeName(idea.communeNis, locale) ?? idea.communeNis },
    latitude: idea.latitude,
    longitude: idea.longitude,
    language: idea.language,
    authorName: authorShown ? (idea.authorName ?? idea.mediationInitials) : null,
    anonymous: !idea.showAuthorName,
    mediated: idea.mediationId !== null,
    mine,
    status: idea.status,
    hiddenReason: mine || staff ? idea.hiddenReason : null,
    mergedInto: idea.mergedInto ?? null,
    finalist: idea.finalist,
    winner: idea.winner,
    stage: idea.stage,
    image: idea.image ?? null,
    commentCount: idea.commentCount,
    createdAt: idea.createdAt,
    updatedAt: idea.updatedAt
  };
}
export type IdeaView = ReturnType<typeof ideaView>;

/** An idea by its number, in a consultation given by id or by slug. */
export async function getIdea({ db, number, locale, viewerId, staff, now = new Date(), ...of }: { db: Db; number: number; locale: string; viewerId: string | null; staff: boolean; now?: Date } & ({ consultationId: string } | { slug: string })) {
  const [idea] = await sqlOf(db).query<IdeaRow & PhaseDates>(
    `SELECT ${IDEA_SELECT}, med."initials" AS "mediationInitials",
       CASE WHEN mi."id" IS NULL THEN NULL ELSE json_build_object('number', mi."number", 'title', mi."title") END AS "mergedInto",
       CASE WHEN im."id" IS NULL THEN NULL ELSE json_build_object('id', im."id", 'alt', im."alt", 'width', im."width", 'height', im."height") END AS "image",
       c."submissionStart", c."reviewStart", c."voteStart", c."resultsStart", c."followUpStart", c."phaseOverride"
     FROM "ideas_idea" i JOIN "ideas_consultation" c ON c."id" = i."consultationId" ${IDEA_JOINS}
       LEFT JOIN "ideas_mediation" med ON med."id" = i."mediationId"
       LEFT JOIN "ideas_idea" mi ON mi."id" = i."mergedIntoId"
       LEFT JOIN "ideas_image" im ON im."id" = i."imageId"
     WHERE ${'slug' in of ? 'c."slug"' : 'c."id"'} = $1 AND i."number" = $2`,
    ['slug' in of ? of.slug : of.consultationId, number]
  );
  if (!idea) throw new AppError('NOT_FOUND');
  const view = ideaView(idea, { locale, viewerId, staff });
  // A hidden idea stays visible to its author and staff (with the reason); others see that it was hidden.
  const visible = idea.status !== 'hidden' || view.mine || staff;
  return {
    ...view,
    summary: visible ? view.summary : '',
    descriptionHtml: visible ? renderMarkdown(idea.description) : '',
    description: view.mine || staff ? idea.description : undefined,
    canEdit: view.mine && idea.status !== 'merged' && currentPhase(idea, now) === 'submission'
  };
}

export const ZListFilters = z.object({
  categoryId: z.string().max(64).optional(),
  communeNis: ZCommuneNis.optional(),
  q: z.string().trim().max(100).optional(),
  finalists: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  sort: z.enum(['newest', 'oldest', 'comments']).default('newest')
});
export type ListFilters = z.infer<typeof ZListFilters>;

export async function listIdeas({ db, consultationId, filters, locale, viewerId, staff }: { db: Db; consultationId: string; filters: ListFilters; locale: string; viewerId: string | null; staff: boolean }) {
  const params: unknown[] = [consultationId];
  const where = [`i."consultationId" = $1`, `i."status" = 'published'`];
  if (filters.categoryId) where.push(`i."categoryId" = $${params.push(filters.categoryId)}`);
  if (filters.communeNis) where.push(`i."communeNis" = $${params.push(filters.communeNis)}`);
  if (filters.finalists) where.push(`i."finalist"`);
  if (filters.q) {
    // Words typed by a visitor, matched literally (ILIKE's wildcards are escaped).
    const n = params.push(`%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`(i."title" ILIKE $${n} OR i."summary" ILIKE $${n})`);
  }
  const order = filters.sort === 'oldest' ? `i."number" ASC` : filters.sort === 'comments' ? `"commentCount" DESC, i."number" DESC` : `i."number" DESC`;
  const sql = sqlOf(db);
  const limit = params.length + 1;
  const [[count], rows] = await Promise.all([
    sql.query<{ total: number }>(`SELECT COUNT(*)::int AS total FROM "ideas_idea" i WHERE ${where.join(' AND ')}`, params),
    sql.query<IdeaRow>(
      `SELECT ${IDEA_SELECT}, ${staff ? 'med."initials"' : 'NULL'} AS "mediationInitials"
       FROM "ideas_idea" i ${IDEA_JOINS} ${staff ? `LEFT JOIN "ideas_mediation" med ON med."id" = i."mediationId"` : ''}
       WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${limit} OFFSET $${limit + 1}`,
      [...params, filters.pageSize, (filters.page - 1) * filters.pageSize]
    )
  ]);
  return { total: count!.total, page: filters.page, pageSize: filters.pageSize, ideas: rows.map((r) => ideaView(r, { locale, viewerId, staff })) };
}

/** Published ideas of the consultation whose title (or summary) looks like `text`. */
export async function similarIdeas({ db, consultationId, text, excludeId, limit = 5 }: { db: Db; consultationId: string; text: string; excludeId?: string; limit?: number }) {
  if (text.trim().length < 4) return [];
  const candidates = await db.ideasIdea.findMany({
    where: { consultationId, status: 'published', ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true, number: true, title: true, summary: true }
  });
  return mostSimilar(text, candidates, { limit }).map(({ id, number, title, summary, score }) => ({ id, number, title, summary, score: Math.round(score * 100) / 100 }));
}

/** Staff merge a duplicate into the idea that is kept; the duplicate then points to it. */
export async function mergeIdeas({ db, actorId, duplicateId, keptId }: { db: Db; actorId: string; duplicateId: string; keptId: string }) {
  if (duplicateId === keptId) throw new AppError('VALIDATION', 'same idea', { messageKey: 'ideas_error_merge_same' });
  await db.$transaction(async (tx) => {
    const [dup, kept] = await Promise.all([tx.ideasIdea.findUnique({ where: { id: duplicateId } }), tx.ideasIdea.findUnique({ where: { id: keptId } })]);
    if (!dup || !kept || dup.consultationId !== kept.consultationId) throw new AppError('NOT_FOUND');
    if (kept.status === 'merged') throw new AppError('CONFLICT', 'kept idea is merged', { messageKey: 'ideas_error_merged' });
    await tx.ideasIdea.update({ where: { id: duplicateId }, data: { status: 'merged', mergedIntoId: keptId, finalist: false } });
    // Ideas already merged into the duplicate now point to the kept one as well.
    await tx.ideasIdea.updateMany({ where: { mergedIntoId: duplicateId }, data: { mergedIntoId: keptId } });
    await audit({ db: tx as Db, actorId, action: 'ideas.idea.merge', targetType: 'ideas.idea', targetId: duplicateId, data: { keptId } });
  });
}

/** Text of an idea for emails and exports. */
export function ideaPlainDescription(description: string): string {
  return plainText(description);
}

/** Everything the map page shows: idea counts per commune, points, and the same as a list. */
export async function mapData({ db, consultationId, locale }: { db: Db; consultationId: string; locale: string }) {
  const ideas = await db.ideasIdea.findMany({
    where: { consultationId, status: 'published' },
    orderBy: { number: 'asc' },
    select: { number: true, title: true, communeNis: true, latitude: true, longitude: true, finalist: true, winner: true }
  });
  const counts: Record<string, number> = {};
  for (const idea of ideas) counts[idea.communeNis] = (counts[idea.communeNis] ?? 0) + 1;
  const communes = [...new Set([...Object.keys(counts)])]
    .map((nis) => ({ nis, name: communeName(nis, locale) ?? nis, count: counts[nis] ?? 0, ideas: ideas.filter((i) => i.communeNis === nis).map(({ number, title, latitude, longitude, finalist, winner }) => ({ number, title, onMap: latitude !== null, finalist, winner })) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return {
    counts,
    points: ideas.filter((i) => i.latitude !== null && i.longitude !== null).map((i) => ({ number: i.number, title: i.title, lat: i.latitude!, lon: i.longitude! })),
    communes,
    total: ideas.length
  };
}
