import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';
import { generateToken } from './crypto.ts';
import { normaliseEmail } from './email.ts';

// argon2id with the OWASP Password Storage Cheat Sheet's first configuration: m=19 MiB, t=2, p=1.
// `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Message keys (translated by the UI) for each way a password can fail the policy. */
export const PASSWORD_ERRORS = {
  tooShort: 'error_password_too_short',
  tooLong: 'error_password_too_long',
  tooSimple: 'error_password_too_simple',
  equalsEmail: 'error_password_equals_email'
} as const;
export type PasswordErrorKey = (typeof PASSWORD_ERRORS)[keyof typeof PASSWORD_ERRORS];

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** How many argon2 verifications this process ran: lets tests prove that every login attempt pays one. */
export const passwordVerifications = { count: 0 };

/** False for a wrong password and for a hash that cannot be parsed (never throws). */
export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  passwordVerifications.count++;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's (rehash after login). */
export function passwordNeedsRehash(stored: string): boolean {
  try {
    const o = parseOptions(stored);
    return (
      o.algorithm !== ARGON2_OPTIONS.algorithm ||
      o.memoryCost !== ARGON2_OPTIONS.memoryCost ||
      o.timeCost !== ARGON2_OPTIONS.timeCost ||
      o.parallelism !== ARGON2_OPTIONS.parallelism ||
      o.outputLen !== ARGON2_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of a real verification against a throwaway hash. Called when the email is
 * unknown, so that "no such account" and "wrong password" take about as long.
 */
export async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword(generateToken());
  await verifyPassword({ hash: await dummyHash, password });
}

/**
 * The password policy (NIST 800-63B style: length over composition rules). Returns the message key
 * of the first problem, or null when the password is acceptable. Length counts code points.
 */
export function checkPasswordPolicy({ password, email }: { password: string; email?: string | null }): PasswordErrorKey | null {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) return PASSWORD_ERRORS.tooShort;
  if (chars.length > PASSWORD_MAX_LENGTH) return PASSWORD_ERRORS.tooLong;
  if (chars.every((c) => c === chars[0])) return PASSWORD_ERRORS.tooSimple;
  if (email && normaliseEmail(password) === normaliseEmail(email)) return PASSWORD_ERRORS.equalsEmail;
  return null;
}
