import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit, isUniqueViolation } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { organisationScope, requireOrganisation } from './access.ts';
import { checkAnswers, label, ZSurveyDefinition, type Answers, type SurveyDefinition } from './definition.ts';
import { TEMPLATE_ID, visitorProfileTemplate } from './template.ts';
import { brusselsDay } from './opening-hours.ts';
import { importXlsForm } from './xlsform.ts';

// Surveys and their versions. A survey's latest version is either a draft (editable) or published
// (frozen). Editing a published survey starts the next version as a draft; responses keep the version
// they answered, so earlier results stay readable with their own questions.

/** Public-link codes: 10 characters of a 32-letter alphabet without look-alikes (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A definition's problems by path ("questions.3.choices"), as message keys: what the builder shows by each field. */
function definitionErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    errors[path] ??= issue.message.startsWith('epn_survey_')
      ? issue.message
      : issue.code === 'invalid_type' && issue.expected === 'number'
        ? 'epn_survey_error_number'
        : issue.code === 'too_big'
          ? 'error_field_too_long'
          : issue.code === 'too_small'
            ? 'error_field_too_short'
            : 'error_field_invalid';
  }
  return errors;
}

function parseDefinition(def: unknown): SurveyDefinition {
  const parsed = ZSurveyDefinition.safeParse(def);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('VALIDATION', 'invalid survey', {
      messageKey: first?.message.startsWith('epn_survey_') ? first.message : 'epn_survey_error_definition',
      params: { where: first?.path.join('.') ?? '' },
      fieldErrors: definitionErrors(parsed.error.issues)
    });
  }
  return parsed.data;
}

export async function createSurvey({ db, actor, organisationId, definition, fromTemplate }: { db: Db; actor: Actor; organisationId: string | null; definition?: unknown; fromTemplate?: boolean }) {
  requireOrganisation(actor, organisationId);
  const def = fromTemplate ? visitorProfileTemplate() : parseDefinition(definition);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const survey = await tx.epnSurvey.create({
          data: { organisationId, code: newCode(), templateId: fromTemplate ? TEMPLATE_ID : null, createdById: actor.id, versions: { create: { version: 1, definition: def as unknown as Prisma.InputJsonValue } } }
        });
        await audit({ db: tx, actorId: actor.id, action: 'epn-survey.survey.create', targetType: 'epn-survey.survey', targetId: survey.id, data: { organisationId, template: fromTemplate ? TEMPLATE_ID : null } });
        return { id: survey.id, code: survey.code };
      });
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 3) continue; // a code already taken: draw again
      throw e;
    }
  }
}

async function ownSurvey(db: Db, actor: Actor, id: string) {
  const survey = await db.epnSurvey.findUnique({ where: { id }, include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
  if (!survey) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, survey.organisationId);
  return { survey, latest: survey.versions[0]! };
}

/** Saves the definition: into the current draft, or as a new draft version when the latest is published. */
export async function saveDraft({ db, actor, id, definition }: { db: Db; actor: Actor; id: string; definition: unknown }) {
  const def = parseDefinition(definition);
  return db.$transaction(async (tx) => {
    // The survey row is locked so that two editors never create the same version number twice.
    await tx.$queryRaw`SELECT 1 FROM "epn_survey" WHERE "id" = ${id} FOR UPDATE`;
    const { latest } = await ownSurvey(tx as Db, actor, id);
    const json = def as unknown as Prisma.InputJsonValue;
    const version = latest.publishedAt
      ? await tx.epnSurveyVersion.create({ data: { surveyId: id, version: latest.version + 1, definition: json } })
      : await tx.epnSurveyVersion.update({ where: { id: latest.id }, data: { definition: json } });
    await tx.epnSurvey.update({ where: { id }, data: { updatedAt: new Date() } });
    await audit({ db: tx as Db, actorId: actor.id, action: 'epn-survey.survey.save', targetType: 'epn-survey.survey', targetId: id, data: { version: version.version } });
    return { version: version.version };
  });
}

/** Publishes the draft: from now on it is frozen and the public link and kiosks serve it. */
export async function publishSurvey({ db, actor, id, now = new Date() }: { db: Db; actor: Actor; id: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "epn_survey" WHERE "id" = ${id} FOR UPDATE`;
    const { latest } = await ownSurvey(tx as Db, actor, id);
    if (latest.publishedAt) throw new AppError('CONFLICT', 'already published', { messageKey: 'epn_survey_error_already_published' });
    await tx.epnSurveyVersion.update({ where: { id: latest.id }, data: { publishedAt: now } });
    await audit({ db: tx as Db, actorId: actor.id, action: 'epn-survey.survey.publish', targetType: 'epn-survey.survey', targetId: id, data: { version: latest.version } });
    return { version: latest.version };
  });
}

export async function archiveSurvey({ db, actor, id, archived, now = new Date() }: { db: Db; actor: Actor; id: string; archived: boolean; now?: Date }) {
  await ownSurvey(db, actor, id);
  await db.$transaction(async (tx) => {
    await tx.epnSurvey.update({ where: { id }, data: { archivedAt: archived ? now : null } });
    await audit({ db: tx, actorId: actor.id, action: archived ? 'epn-survey.survey.archive' : 'epn-survey.survey.unarchive', targetType: 'epn-survey.survey', targetId: id });
  });
}

/** The actor's surveys (their organisations'; staff: all), with versions and response counts. */
export async function mySurveys({ db, actor, locale }: { db: Db; actor: Actor; locale: string }) {
  const scope = organisationScope(actor);
  const rows = await db.epnSurvey.findMany({
    where: scope === null ? {} : { organisationId: { in: scope } },
    include: { organisation: { select: { id: true, name: true } }, versions: { orderBy: { version: 'desc' } }, _count: { select: { responses: true } } },
    orderBy: { updatedAt: 'desc' }
  });
  return rows.map((s) => {
    const latest = s.versions[0]!;
    const published = s.versions.find((v) => v.publishedAt);
    return {
      id: s.id,
      code: s.code,
      title: label((latest.definition as unknown as SurveyDefinition).title, locale),
      organisation: s.organisation,
      regionWide: s.organisationId === null,
      latestVersion: latest.version,
      draft: latest.publishedAt === null,
      publishedVersion: published?.version ?? null,
      archived: s.archivedAt !== null,
      responses: s._count.responses
    };
  });
}

export async function surveyForEditing({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { survey, latest } = await ownSurvey(db, actor, id);
  const [served, responses] = await Promise.all([
    db.epnSurveyVersion.findFirst({ where: { surveyId: id, publishedAt: { not: null } }, orderBy: { version: 'desc' }, select: { version: true } }),
    db.epnResponse.count({ where: { surveyId: id } })
  ]);
  return {
    id: survey.id,
    code: survey.code,
    organisationId: survey.organisationId,
    version: latest.version,
    published: latest.publishedAt !== null,
    /** The version the public link and kiosks serve (null before the first publication). */
    publishedVersion: served?.version ?? null,
    responses,
    definition: latest.definition as unknown as SurveyDefinition
  };
}

/** The published version served at a public link, or NOT_FOUND (unknown code, nothing published, archived). */
export async function publishedSurvey({ db, code }: { db: Db; code: string }) {
  const survey = await db.epnSurvey.findUnique({
    where: { code },
    include: { versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1 } }
  });
  const version = survey?.versions[0];
  if (!survey || !version || survey.archivedAt) throw new AppError('NOT_FOUND', 'no published survey', { messageKey: 'epn_survey_error_survey_not_found' });
  return { surveyId: survey.id, versionId: version.id, version: version.version, code: survey.code, organisationId: survey.organisationId, definition: version.definition as unknown as SurveyDefinition };
}

/** The day a response is dated with: only the day (in Brussels), never the time. */
export function responseDay(now: Date): Date {
  return new Date(`${brusselsDay(now)}T00:00:00Z`);
}

/**
 * Stores one anonymous response to the published version of the survey at `code`. The answers are
 * checked against the version's questions and skip logic (answers to hidden questions are refused).
 * With an idempotency key (kiosks send one per response), sending the same response again returns the
 * first one and stores nothing.
 */
export async function submitResponse({ db, code, answers, channel, placeId = null, idempotencyKey = null, expectedVersion, now = new Date() }: { db: Db; code: string; answers: Answers; channel: 'link' | 'kiosk'; placeId?: string | null; idempotencyKey?: string | null; expectedVersion?: number; now?: Date }) {
  const survey = await publishedSurvey({ db, code });
  if (idempotencyKey) {
    const seen = await db.epnResponse.findUnique({ where: { idempotencyKey: idempotencyKey }, select: { id: true, surveyId: true } });
    if (seen) {
      if (seen.surveyId !== survey.surveyId) throw new AppError('CONFLICT', 'key reused', { messageKey: 'epn_survey_error_idempotency_key' });
      return { id: seen.id, duplicate: true as const };
    }
  }
  // A form opened before a new version was published answers that version's questions; they may differ.
  if (expectedVersion !== undefined && expectedVersion !== survey.version) throw new AppError('CONFLICT', 'survey changed', { messageKey: 'epn_survey_error_survey_changed' });
  const checked = checkAnswers(survey.definition, answers);
  if (!checked.ok) throw new AppError('VALIDATION', 'invalid answers', { messageKey: 'epn_survey_error_answers', fieldErrors: checked.errors });
  try {
    const row = await db.epnResponse.create({
      data: { surveyId: survey.surveyId, versionId: survey.versionId, placeId, channel, idempotencyKey: idempotencyKey ? idempotencyKey : null, answers: checked.answers as Prisma.InputJsonValue, day: responseDay(now) },
      select: { id: true }
    });
    return { id: row.id, duplicate: false as const };
  } catch (e) {
    // Two sends of the same response at the same moment: the second finds the first.
    if (idempotencyKey && isUniqueViolation(e)) {
      const first = await db.epnResponse.findUniqueOrThrow({ where: { idempotencyKey: idempotencyKey }, select: { id: true } });
      return { id: first.id, duplicate: true as const };
    }
    throw e;
  }
}

/**
 * A new draft survey from an XLSForm file (KoboToolbox, ODK, hand-written). Whatever Passerelle cannot
 * represent is listed in `skipped`, row by row: nothing is dropped silently.
 */
export async function importSurvey({ db, actor, organisationId, data }: { db: Db; actor: Actor; organisationId: string | null; data: Uint8Array }) {
  requireOrganisation(actor, organisationId);
  const { definition, skipped } = await importXlsForm(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  const created = await createSurvey({ db, actor, organisationId, definition });
  return { ...created, questions: definition.questions.length, skipped };
}
