import type { Db } from '@passerelle/db';
import { normaliseEmail } from '../email.ts';
import { createAuthToken, type EmailTokenIssued } from '../tokens.ts';

/**
 * A new verification token for an unverified account, or null (unknown, already verified or
 * disabled). The caller answers the same in every case, so nobody learns which addresses exist.
 */
export async function resendVerification({ db, email }: { db: Db; email: string }): Promise<EmailTokenIssued | null> {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, displayName: true, locale: true, emailVerifiedAt: true, disabledAt: true }
  });
  if (!user || user.emailVerifiedAt || user.disabledAt) return null;
  const { token, expiresAt } = await createAuthToken({ db, userId: user.id, kind: 'verify_email' });
  return { token, expiresAt, userId: user.id, email: user.email, displayName: user.displayName, locale: user.locale };
}
