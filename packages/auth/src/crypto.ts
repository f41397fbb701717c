import { createHash, randomBytes } from 'node:crypto';

/** A fresh 32-byte random secret, base64url (43 characters): session and email tokens. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a token: what the database stores, so a leaked table cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
