import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc/errors';
import { audit } from './audit.ts';
import { generateToken, hashToken } from './crypto.ts';
import { normaliseEmail } from './email.ts';
import { isOrgRole, type OrgRole } from './roles.ts';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A new invitation, with the token for the link that the caller emails. */
export interface InvitationIssued {
  token: string;
  invitationId: string;
  organisationId: string;
  organisationName: string;
  /** Normalised (trimmed, lowercase). */
  email: string;
  role: OrgRole;
  expiresAt: Date;
}

/** Who may invite into an organisation: its admins, and platform staff/admins. Checked in the database. */
async function canManageOrganisation(db: Db, actorId: string, organisationId: string): Promise<boolean> {
  const [globalRole, membership] = await Promise.all([
    db.userRole.findFirst({ where: { userId: actorId, role: { in: ['staff', 'admin'] } }, select: { role: true } }),
    db.membership.findUnique({ where: { userId_organisationId: { userId: actorId, organisationId } }, select: { role: true } })
  ]);
  return !!globalRole || membership?.role === 'admin';
}

/**
 * Invites an email address into an organisation as "member" or "admin". The actor must be an admin
 * of the organisation, or staff/admin of the platform (FORBIDDEN otherwise). A pending invitation
 * for the same address is replaced. CONFLICT if that person is already a member.
 * Returns the token for the link that the caller emails.
 */
export async function inviteMember({ db, actor, organisationId, email, role = 'member' }: { db: Db; actor: { id: string } | null; organisationId: string; email: string; role?: OrgRole }): Promise<InvitationIssued> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isOrgRole(role)) throw new AppError('VALIDATION', 'invalid organisation role', { fieldErrors: { role: 'error_field_invalid' } });
  const address = normaliseEmail(email);
  if (!address.includes('@')) throw new AppError('VALIDATION', 'invalid email', { fieldErrors: { email: 'error_field_invalid' } });
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true } });
  if (!organisation) throw new AppError('NOT_FOUND', 'organisation not found');
  if (!(await canManageOrganisation(db, actor.id, organisationId))) throw new AppError('FORBIDDEN', 'only organisation admins and staff may invite');
  const existing = await db.membership.findFirst({ where: { organisationId, user: { email: address } }, select: { role: true } });
  if (existing) throw new AppError('CONFLICT', 'already a member', { fieldErrors: { email: 'error_already_member' } });

  const token = generateToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { organisationId, email: address, acceptedAt: null } });
    const created = await tx.invitation.create({
      data: { organisationId, email: address, role, tokenHash: hashToken(token), invitedById: actor.id, expiresAt },
      select: { id: true }
    });
    await audit({ db: tx, actorId: actor.id, action: 'organisation.invite', targetType: 'organisation', targetId: organisationId, data: { email: address, role } });
    return created;
  });
  return { token, invitationId: invitation.id, organisationId, organisationName: organisation.name, email: address, role, expiresAt };
}

/**
 * Accepts an invitation for the signed-in user, whose (verified) email must be the invited one:
 * a forwarded link does not let someone else in. The token works once. An existing member is
 * promoted to admin by an admin invitation, never demoted.
 * TOKEN_INVALID for an unknown, used or expired token; FORBIDDEN for another address.
 */
export async function acceptInvitation({ db, token, userId }: { db: Db; token: string; userId: string }): Promise<{ organisationId: string; role: OrgRole }> {
  const tokenHash = hashToken(token);
  const [invitation, user] = await Promise.all([
    db.invitation.findUnique({ where: { tokenHash }, select: { id: true, organisationId: true, email: true, role: true, acceptedAt: true, expiresAt: true } }),
    db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true, disabledAt: true } })
  ]);
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
    throw new AppError('TOKEN_INVALID', 'this invitation is invalid, expired or already used');
  }
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  if (!user.emailVerifiedAt) throw new AppError('EMAIL_NOT_VERIFIED');
  if (user.email !== invitation.email) throw new AppError('FORBIDDEN', 'this invitation was sent to another email address');
  const role: OrgRole = isOrgRole(invitation.role) ? invitation.role : 'member';
  const { organisationId } = invitation;

  return db.$transaction(async (tx) => {
    const now = new Date();
    // The conditional update is the single-use guarantee (two concurrent accepts: one wins).
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (count !== 1) throw new AppError('TOKEN_INVALID', 'this invitation is invalid, expired or already used');
    const current = await tx.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } }, select: { role: true } });
    const finalRole: OrgRole = current?.role === 'admin' ? 'admin' : role;
    await tx.membership.upsert({
      where: { userId_organisationId: { userId, organisationId } },
      create: { userId, organisationId, role: finalRole },
      update: { role: finalRole }
    });
    await audit({ db: tx, actorId: userId, action: 'organisation.invitation.accept', targetType: 'organisation', targetId: organisationId, data: { role: finalRole } });
    return { organisationId, role: finalRole };
  });
}
