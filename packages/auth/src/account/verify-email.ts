import type { Db } from '@passerelle/db';
import { consumeAuthToken } from '../tokens.ts';

/** Confirms an email address with the token from the verification link (TOKEN_INVALID otherwise). */
export async function verifyEmail({ db, token }: { db: Db; token: string }): Promise<{ userId: string; email: string }> {
  return db.$transaction(async (tx) => {
    const { userId } = await consumeAuthToken({ db: tx, token, kind: 'verify_email' });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    return { userId, email: user.email };
  });
}
