import type { Db } from '@passerelle/db';
import { audit, generateToken, hashToken } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { requireOrganisation } from './access.ts';

// Kiosks: a tablet at the EPN desk collects responses without anyone logging in. A member creates a
// kiosk for a survey (and one of the organisation's EPNs); its token is shown once and typed (or opened as
// a link) on the tablet, which then keeps it in an httpOnly cookie. Revoking the kiosk locks the tablet.

export async function createKiosk({ db, actor, surveyId, placeId, label }: { db: Db; actor: Actor; surveyId: string; placeId: string | null; label: string }) {
  const survey = await db.epnSurvey.findUnique({ where: { id: surveyId }, select: { organisationId: true } });
  if (!survey) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, survey.organisationId);
  if (placeId) {
    const place = await db.epnPlace.findUnique({ where: { id: placeId }, select: { organisationId: true } });
    if (!place || (survey.organisationId !== null && place.organisationId !== survey.organisationId)) throw new AppError('VALIDATION', 'place of another organisation', { messageKey: 'epn_survey_error_place', fieldErrors: { placeId: 'epn_survey_error_place' } });
    requireOrganisation(actor, place.organisationId);
  }
  const token = generateToken();
  const kiosk = await db.$transaction(async (tx) => {
    const k = await tx.epnKiosk.create({ data: { organisationId: survey.organisationId, surveyId, placeId, label, tokenHash: hashToken(token), createdById: actor.id } });
    await audit({ db: tx, actorId: actor.id, action: 'epn-survey.kiosk.create', targetType: 'epn-survey.kiosk', targetId: k.id, data: { surveyId, placeId } });
    return k;
  });
  return { id: kiosk.id, token };
}

export async function revokeKiosk({ db, actor, id, now = new Date() }: { db: Db; actor: Actor; id: string; now?: Date }) {
  const kiosk = await db.epnKiosk.findUnique({ where: { id }, select: { organisationId: true, revokedAt: true } });
  if (!kiosk) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, kiosk.organisationId);
  if (kiosk.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.epnKiosk.update({ where: { id }, data: { revokedAt: now } });
    await audit({ db: tx, actorId: actor.id, action: 'epn-survey.kiosk.revoke', targetType: 'epn-survey.kiosk', targetId: id });
  });
}

export async function surveyKiosks({ db, actor, surveyId }: { db: Db; actor: Actor; surveyId: string }) {
  const survey = await db.epnSurvey.findUnique({ where: { id: surveyId }, select: { organisationId: true } });
  if (!survey) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, survey.organisationId);
  const rows = await db.epnKiosk.findMany({ where: { surveyId }, orderBy: { createdAt: 'desc' }, include: { place: { select: { name: true } } } });
  return rows.map((k) => ({ id: k.id, label: k.label, place: k.place?.name ?? null, createdAt: k.createdAt, revoked: k.revokedAt !== null }));
}

/** The kiosk a token unlocks, with its survey's public code; null when unknown or revoked. */
export async function kioskByToken({ db, token }: { db: Db; token: string }) {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const k = await db.epnKiosk.findUnique({ where: { tokenHash: hashToken(token) }, include: { survey: { select: { code: true, archivedAt: true } } } });
  if (!k || k.revokedAt || k.survey.archivedAt) return null;
  return { id: k.id, label: k.label, placeId: k.placeId, code: k.survey.code };
}
