import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc/errors';
import { normaliseEmail } from '../email.ts';
import { dummyVerify, hashPassword, passwordNeedsRehash, verifyPassword } from '../password.ts';
import { type SessionUser, SESSION_USER_SELECT } from '../sessions.ts';

/**
 * Checks the credentials and returns the user. INVALID_CREDENTIALS for an unknown email and for a
 * wrong password alike (with a dummy hash verification so both take as long). Only once the
 * password is right: FORBIDDEN for a disabled account, EMAIL_NOT_VERIFIED for an unconfirmed
 * address (unverified accounts may not log in; the UI offers to resend the link).
 * The caller then rotates the session: deletes the old cookie's session (invalidateSession) and
 * opens a new one (createSession) on every login. It also rate-limits attempts (consumeLoginAttempt).
 */
export async function login({ db, email, password }: { db: Db; email: string; password: string }): Promise<{ user: SessionUser }> {
  const row = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: { ...SESSION_USER_SELECT, passwordHash: true } });
  if (!row) {
    await dummyVerify(password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const { passwordHash, ...user } = row;
  if (!(await verifyPassword({ hash: passwordHash, password }))) throw new AppError('INVALID_CREDENTIALS');
  if (user.disabledAt) throw new AppError('FORBIDDEN', 'this account is disabled');
  if (!user.emailVerifiedAt) {
    throw new AppError('EMAIL_NOT_VERIFIED', 'check your inbox for the confirmation link, or ask for a new one', { params: { email: user.email } });
  }
  if (passwordNeedsRehash(passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return { user };
}
