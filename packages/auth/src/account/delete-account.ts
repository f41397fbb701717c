import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc/errors';
import { verifyPassword } from '../password.ts';
import { userDataErasers } from './user-data-registry.ts';

/**
 * Deletes an account (GDPR erasure) after checking the password (INVALID_CREDENTIALS otherwise).
 * In one transaction: every plugin eraser anonymises the user's contributions, then sessions,
 * tokens, memberships, roles and invitations to their address go, invitations they sent lose their
 * inviter, and the user row is deleted. Audit entries stay, with actorId set to null by the foreign key (SetNull).
 */
export async function deleteAccount({ db, userId, password }: { db: Db; userId: string; password: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError('NOT_FOUND', 'user not found');
  if (!(await verifyPassword({ hash: user.passwordHash, password }))) {
    throw new AppError('INVALID_CREDENTIALS', 'wrong password', { fieldErrors: { password: 'error_invalid_credentials' } });
  }
  await eraseUser({ db, userId });
}

/** The deletion itself, without the password check (for an admin tool or a retention job). */
export async function eraseUser({ db, userId }: { db: Db; userId: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError('NOT_FOUND', 'user not found');
  const { email } = user;
  await db.$transaction(
    async (tx) => {
      for (const [, eraser] of [...userDataErasers()].sort(([a], [b]) => a.localeCompare(b))) {
        await eraser({ db: tx, userId });
      }
      await tx.session.deleteMany({ where: { userId } });
      await tx.authToken.deleteMany({ where: { userId } });
      await tx.membership.deleteMany({ where: { userId } });
      await tx.userRole.deleteMany({ where: { userId } });
      await tx.invitation.updateMany({ where: { invitedById: userId }, data: { invitedById: null } });
      // Invitations addressed to them hold their email address.
      await tx.invitation.deleteMany({ where: { email } });
      await tx.user.delete({ where: { id: userId } });
    },
    { timeout: 60_000, maxWait: 10_000 }
  );
}
