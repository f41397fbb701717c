import { AppError } from '@passerelle/trpc/errors';
import type { DbClient } from './db-client.ts';
import { generateToken, hashToken } from './crypto.ts';

// One-time tokens sent by email. Only the hash is stored; consuming is one conditional UPDATE, so
// two concurrent requests with the same token cannot both succeed.

export const AUTH_TOKEN_TTL_MS = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000
} as const;
export type AuthTokenKind = keyof typeof AUTH_TOKEN_TTL_MS;

/** A token to email, with what the email needs: the address, the name and the locale of the user. */
export interface EmailTokenIssued {
  token: string;
  expiresAt: Date;
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

/**
 * Issues a token of this kind for the user. Earlier unused tokens of the same kind are deleted:
 * only the newest link works.
 */
export async function createAuthToken({ db, userId, kind }: { db: DbClient; userId: string; kind: AuthTokenKind }): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + AUTH_TOKEN_TTL_MS[kind]);
  await db.authToken.deleteMany({ where: { userId, kind, usedAt: null } });
  await db.authToken.create({ data: { userId, kind, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

/** The user id of an unused, unexpired token, without using it up (or null). */
export async function peekAuthToken({ db, token, kind }: { db: DbClient; token: string; kind: AuthTokenKind }): Promise<{ userId: string } | null> {
  const row = await db.authToken.findFirst({
    where: { tokenHash: hashToken(token), kind, usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true }
  });
  return row;
}

/** Uses a token up and returns its user id; TOKEN_INVALID if it is unknown, used, expired or of another kind. */
export async function consumeAuthToken({ db, token, kind }: { db: DbClient; token: string; kind: AuthTokenKind }): Promise<{ userId: string }> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const { count } = await db.authToken.updateMany({
    where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now }
  });
  if (count !== 1) throw new AppError('TOKEN_INVALID', 'this link is invalid, expired or already used');
  const row = await db.authToken.findUnique({ where: { tokenHash }, select: { userId: true } });
  if (!row) throw new AppError('TOKEN_INVALID');
  return { userId: row.userId };
}
