import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc/errors';
import { isUniqueViolation } from '../db-client.ts';
import { generateToken, hashToken } from '../crypto.ts';
import { normaliseEmail } from '../email.ts';
import { checkPasswordPolicy, hashPassword } from '../password.ts';
import { AUTH_TOKEN_TTL_MS } from '../tokens.ts';
import { normaliseLocale } from '../locale.ts';

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 80;

export interface SignUpResult {
  user: { id: string; email: string; displayName: string; locale: string };
  /** The email verification token, to put in the link that the caller emails. */
  token: string;
  tokenExpiresAt: Date;
}

/**
 * Creates an unverified account and a verification token. EMAIL_TAKEN if the address is in use:
 * the password is hashed first in both cases, so the answer takes about as long either way.
 */
export async function signUp({ db, email, password, displayName, locale }: { db: Db; email: string; password: string; displayName: string; locale?: string }): Promise<SignUpResult> {
  const normalisedEmail = normaliseEmail(email);
  const name = displayName.trim();
  const fieldErrors: Record<string, string> = {};
  if (!normalisedEmail.includes('@')) fieldErrors.email = 'error_field_invalid';
  else if (normalisedEmail.length > EMAIL_MAX_LENGTH) fieldErrors.email = 'error_field_too_long';
  if (!name) fieldErrors.displayName = 'error_field_too_short';
  else if (name.length > DISPLAY_NAME_MAX_LENGTH) fieldErrors.displayName = 'error_field_too_long';
  const passwordError = checkPasswordPolicy({ password, email: normalisedEmail });
  if (passwordError) fieldErrors.password = passwordError;
  if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'invalid sign-up input', { fieldErrors });

  const passwordHash = await hashPassword(password);
  const token = generateToken();
  const tokenExpiresAt = new Date(Date.now() + AUTH_TOKEN_TTL_MS.verify_email);
  try {
    // One nested write: the user and their token are created together or not at all.
    const user = await db.user.create({
      data: {
        email: normalisedEmail,
        passwordHash,
        displayName: name,
        locale: normaliseLocale(locale),
        tokens: { create: { kind: 'verify_email', tokenHash: hashToken(token), expiresAt: tokenExpiresAt } }
      },
      select: { id: true, email: true, displayName: true, locale: true }
    });
    return { user, token, tokenExpiresAt };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN', 'email already registered', { fieldErrors: { email: 'error_email_taken' } });
    throw error;
  }
}
