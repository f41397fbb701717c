import { z } from 'zod';
import { sqlOf, type Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError } from '@passerelle/trpc';
import { asLocalized, pick, zLocalized, type Localized } from './localized.ts';
import { checkPhaseOrder, currentPhase, nextPhase, phaseIndex, type Phase } from './phases.ts';

export const RESERVED_SLUGS = new Set(['manage', 'suggest.js', 'new', 'notifications', 'unsubscribe', 'image', 'map.svg']);
export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .refine((s) => !RESERVED_SLUGS.has(s));

export const ZConsultationSettings = z.object({
  maxIdeasPerPerson: z.coerce.number().int().min(1).max(50),
  voteBudget: z.coerce.number().int().min(1).max(50),
  allowSeveralVotesPerIdea: z.boolean(),
  allowMediated: z.boolean(),
  mediatedDailyLimit: z.coerce.number().int().min(1).max(500),
  finalistCount: z.coerce.number().int().min(1).max(50)
});

export const ZConsultationInput = z
  .object({
    slug: ZSlug,
    title: zLocalized(200),
    description: zLocalized(5000),
    rules: zLocalized(10000),
    submissionStart: z.coerce.date(),
    reviewStart: z.coerce.date(),
    voteStart: z.coerce.date(),
    resultsStart: z.coerce.date(),
    followUpStart: z.coerce.date()
  })
  .extend(ZConsultationSettings.shape);
export type ConsultationInput = z.infer<typeof ZConsultationInput>;

/** The jury criteria used by "Brussels hacks the crisis"; every new consultation starts with them. */
export const DEFAULT_CRITERIA: { name: Localized; description: Localized }[] = [
  {
    name: { fr: 'Idée bien travaillée', nl: 'Goed uitgewerkt idee', en: 'Well worked out' },
    description: {
      fr: 'Le problème, le public et la solution sont clairs et concrets.',
      nl: 'Het probleem, het publiek en de oplossing zijn duidelijk en concreet.',
      en: 'The problem, the people concerned and the solution are clear and concrete.'
    }
  },
  {
    name: { fr: 'Pas déjà réalisé', nl: 'Bestaat nog niet', en: 'Not already built' },
    description: {
      fr: 'Aucun service existant ne fait déjà la même chose.',
      nl: 'Geen bestaande dienst doet al hetzelfde.',
      en: 'No existing service already does the same thing.'
    }
  },
  {
    name: { fr: 'Compétence de la Région', nl: 'Bevoegdheid van het Gewest', en: "Within the Region's powers" },
    description: {
      fr: 'La Région de Bruxelles-Capitale peut le mettre en œuvre.',
      nl: 'Het Brussels Hoofdstedelijk Gewest kan het uitvoeren.',
      en: 'The Brussels-Capital Region can carry it out.'
    }
  }
];

type ConsultationRow = NonNullable<Awaited<ReturnType<Db['ideasConsultation']['findUnique']>>>;

/** What pages and the public API show of a consultation, in one language. */
export function consultationView(c: ConsultationRow & { categories?: { id: string; name: unknown; position: number }[] }, locale: string, now = new Date()) {
  const phase = currentPhase(c, now);
  return {
    id: c.id,
    slug: c.slug,
    title: pick(c.title, locale),
    description: pick(c.description, locale),
    rules: pick(c.rules, locale),
    phase,
    dates: { submissionStart: c.submissionStart, reviewStart: c.reviewStart, voteStart: c.voteStart, resultsStart: c.resultsStart, followUpStart: c.followUpStart },
    settings: {
      maxIdeasPerPerson: c.maxIdeasPerPerson,
      voteBudget: c.voteBudget,
      allowSeveralVotesPerIdea: c.allowSeveralVotesPerIdea,
      allowMediated: c.allowMediated,
      mediatedDailyLimit: c.mediatedDailyLimit,
      finalistCount: c.finalistCount
    },
    shortlistPublished: c.shortlistPublishedAt !== null,
    resultsPublished: c.resultsPublishedAt !== null,
    isDemo: c.isDemo,
    categories: (c.categories ?? []).sort((a, b) => a.position - b.position).map((cat) => ({ id: cat.id, name: pick(cat.name, locale) }))
  };
}
export type ConsultationView = ReturnType<typeof consultationView>;

function validate(input: ConsultationInput) {
  const errors = checkPhaseOrder(input);
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'phase dates out of order', { fieldErrors: errors, messageKey: 'ideas_error_date_order' });
}

export async function createConsultation({ db, actorId, input, categories = [] }: { db: Db; actorId: string; input: ConsultationInput; categories?: Localized[] }) {
  validate(input);
  if (await db.ideasConsultation.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new AppError('CONFLICT', 'slug taken', { fieldErrors: { slug: 'ideas_error_slug_taken' }, messageKey: 'ideas_error_slug_taken' });
  }
  return db.$transaction(async (tx) => {
    const c = await tx.ideasConsultation.create({
      data: {
        ...input,
        createdById: actorId,
        categories: { create: categories.map((name, position) => ({ name, position })) },
        criteria: { create: DEFAULT_CRITERIA.map((c, position) => ({ ...c, weight: 1, position })) }
      }
    });
    await audit({ db: tx as Db, actorId, action: 'ideas.consultation.create', targetType: 'ideas.consultation', targetId: c.id, data: { slug: c.slug } });
    return c;
  });
}

export async function updateConsultation({ db, actorId, id, input }: { db: Db; actorId: string; id: string; input: ConsultationInput }) {
  validate(input);
  const existing = await db.ideasConsultation.findUnique({ where: { id } });
  if (!existing) throw new AppError('NOT_FOUND');
  if (input.slug !== existing.slug && (await db.ideasConsultation.findUnique({ where: { slug: input.slug }, select: { id: true } }))) {
    throw new AppError('CONFLICT', 'slug taken', { fieldErrors: { slug: 'ideas_error_slug_taken' }, messageKey: 'ideas_error_slug_taken' });
  }
  return db.$transaction(async (tx) => {
    const c = await tx.ideasConsultation.update({ where: { id }, data: input });
    await audit({ db: tx as Db, actorId, action: 'ideas.consultation.update', targetType: 'ideas.consultation', targetId: id, data: { slug: c.slug } });
    return c;
  });
}

/** Staff move the consultation to the next phase before its date. */
export async function advancePhase({ db, actorId, id, to, now = new Date() }: { db: Db; actorId: string; id: string; to: Phase; now?: Date }) {
  const c = await db.ideasConsultation.findUnique({ where: { id } });
  if (!c) throw new AppError('NOT_FOUND');
  const from = currentPhase(c, now);
  if (phaseIndex(to) <= phaseIndex(from)) throw new AppError('CONFLICT', 'phases only move forward', { messageKey: 'ideas_error_phase_backward' });
  if (to !== nextPhase(from)) throw new AppError('CONFLICT', 'one phase at a time', { messageKey: 'ideas_error_phase_skip' });
  return db.$transaction(async (tx) => {
    const updated = await tx.ideasConsultation.update({ where: { id }, data: { phaseOverride: to } });
    await audit({ db: tx as Db, actorId, action: 'ideas.consultation.phase', targetType: 'ideas.consultation', targetId: id, data: { from, to } });
    return updated;
  });
}

export async function listConsultations({ db, locale, now = new Date() }: { db: Db; locale: string; now?: Date }) {
  const rows = await db.ideasConsultation.findMany({ orderBy: { submissionStart: 'desc' }, include: { categories: true, _count: { select: { ideas: { where: { status: 'published' } } } } } });
  return rows.map((c) => ({ ...consultationView(c, locale, now), ideaCount: c._count.ideas }));
}

export async function getConsultation({ db, slug, locale, now = new Date() }: { db: Db; slug: string; locale: string; now?: Date }) {
  // Every public page of a consultation starts here: one plain SQL statement (see sqlOf) for the
  // consultation and its categories.
  const [c] = await sqlOf(db).query<ConsultationRow & { categories: { id: string; name: unknown; position: number }[] }>(
    `SELECT c.*, COALESCE((SELECT json_agg(json_build_object('id', k."id", 'name', k."name", 'position', k."position") ORDER BY k."position")
                          FROM "ideas_category" k WHERE k."consultationId" = c."id"), '[]'::json) AS "categories"
     FROM "ideas_consultation" c WHERE c."slug" = $1`,
    [slug]
  );
  if (!c) throw new AppError('NOT_FOUND');
  return consultationView(c, locale, now);
}

/** Everything staff edit, in every language. */
export async function getConsultationForEditing({ db, slug }: { db: Db; slug: string }) {
  const c = await db.ideasConsultation.findUnique({ where: { slug }, include: { categories: { orderBy: { position: 'asc' } } } });
  if (!c) throw new AppError('NOT_FOUND');
  return {
    ...c,
    title: asLocalized(c.title),
    description: asLocalized(c.description),
    rules: asLocalized(c.rules),
    phase: currentPhase(c),
    categories: c.categories.map((cat) => ({ id: cat.id, name: asLocalized(cat.name), position: cat.position }))
  };
}

export async function addCategory({ db, actorId, consultationId, name }: { db: Db; actorId: string; consultationId: string; name: Localized }) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId }, select: { id: true, _count: { select: { categories: true } } } });
  if (!c) throw new AppError('NOT_FOUND');
  return db.$transaction(async (tx) => {
    const cat = await tx.ideasCategory.create({ data: { consultationId, name, position: c._count.categories } });
    await audit({ db: tx as Db, actorId, action: 'ideas.category.create', targetType: 'ideas.consultation', targetId: consultationId, data: { categoryId: cat.id } });
    return cat;
  });
}

export async function removeCategory({ db, actorId, id }: { db: Db; actorId: string; id: string }) {
  await db.$transaction(async (tx) => {
    const cat = await tx.ideasCategory.findUnique({ where: { id } });
    if (!cat) throw new AppError('NOT_FOUND');
    // Ideas keep existing, without a category (onDelete: SetNull).
    await tx.ideasCategory.delete({ where: { id } });
    await audit({ db: tx as Db, actorId, action: 'ideas.category.delete', targetType: 'ideas.consultation', targetId: cat.consultationId, data: { categoryId: id } });
  });
}

export async function consultationBySlug(db: Db, slug: string): Promise<ConsultationRow> {
  const [c] = await sqlOf(db).query<ConsultationRow>(`SELECT * FROM "ideas_consultation" WHERE "slug" = $1`, [slug]);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}
