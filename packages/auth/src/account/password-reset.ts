import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc/errors';
import { normaliseEmail } from '../email.ts';
import { checkPasswordPolicy, hashPassword } from '../password.ts';
import { consumeAuthToken, createAuthToken, peekAuthToken, type EmailTokenIssued } from '../tokens.ts';

/**
 * A reset token for this address, or null when there is no (enabled) account. The caller must
 * answer "if an account exists, we sent an email" in both cases.
 */
export async function requestPasswordReset({ db, email }: { db: Db; email: string }): Promise<EmailTokenIssued | null> {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, displayName: true, locale: true, disabledAt: true }
  });
  if (!user || user.disabledAt) return null;
  const { token, expiresAt } = await createAuthToken({ db, userId: user.id, kind: 'reset_password' });
  return { token, expiresAt, userId: user.id, email: user.email, displayName: user.displayName, locale: user.locale };
}

/**
 * Sets a new password with a reset token, then closes every session of the user (whoever knew the
 * old password is logged out). The link proves the mailbox, so an unverified address becomes verified.
 * VALIDATION (token kept) if the password fails the policy; TOKEN_INVALID for a bad token.
 */
export async function resetPassword({ db, token, password }: { db: Db; token: string; password: string }): Promise<{ userId: string }> {
  const pending = await peekAuthToken({ db, token, kind: 'reset_password' });
  if (!pending) throw new AppError('TOKEN_INVALID', 'this link is invalid, expired or already used');
  const { email } = await db.user.findUniqueOrThrow({ where: { id: pending.userId }, select: { email: true } });
  const passwordError = checkPasswordPolicy({ password, email });
  if (passwordError) throw new AppError('VALIDATION', 'password rejected by policy', { fieldErrors: { password: passwordError } });
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const { userId } = await consumeAuthToken({ db: tx, token, kind: 'reset_password' });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: new Date() }) } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.authToken.deleteMany({ where: { userId, kind: 'reset_password', usedAt: null } });
    return { userId };
  });
}
