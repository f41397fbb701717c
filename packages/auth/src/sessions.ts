import { sqlOf } from '@passerelle/db';
import type { DbClient } from './db-client.ts';
import { generateToken, hashToken } from './crypto.ts';

// Server-side sessions. The cookie holds a random token; the database stores only its SHA-256 hex
// as Session.id, so reading the table does not let anyone impersonate a user.

export const SESSION_COOKIE = 'passerelle_session';
/** Sliding lifetime: a session expires after 30 days without use. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt/expiresAt are refreshed at most once per hour, not on every request. */
export const SESSION_REFRESH_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  /** Seconds. */
  maxAge: number;
}

export function sessionCookieOptions({ secure }: { secure: boolean }): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: Math.floor(SESSION_TTL_MS / 1000) };
}

/** The Session.id of a cookie token. */
export function sessionIdFromToken(token: string): string {
  return hashToken(token);
}

/** What a valid session tells about its user (never the password hash). */
export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  emailVerifiedAt: true,
  isDemo: true,
  disabledAt: true,
  createdAt: true
} as const;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  emailVerifiedAt: Date | null;
  isDemo: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface SessionInfo {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Opens a session. Call it on every login (a new token each time), after deleting the old cookie's session. */
export async function createSession({ db, userId }: { db: DbClient; userId: string }): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = generateToken();
  const sessionId = hashToken(token);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { id: sessionId, userId, createdAt: now, lastSeenAt: now, expiresAt } });
  return { token, sessionId, expiresAt };
}

interface SessionRow extends SessionUser {
  sessionId: string;
  sessionCreatedAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  roles: string[];
  memberships: { organisationId: string; role: string }[];
}

/**
 * The user and session of a cookie token, or null when the token is unknown, expired or belongs to
 * a disabled account (the session is then deleted). Extends the expiry (sliding), at most hourly.
 * Every request with a session cookie runs this, so it is one SQL statement (session, user, global
 * roles and memberships) instead of three Prisma queries; `roles` and `memberships` feed resolveRoles.
 */
export async function validateSession({ db, token }: { db: DbClient; token: string }): Promise<{ user: SessionUser; session: SessionInfo; roles: string[]; memberships: { organisationId: string; role: string }[] } | null> {
  if (!token) return null;
  const id = hashToken(token);
  const sql = sqlOf(db);
  const [row] = await sql.query<SessionRow>(
    `SELECT s."id" AS "sessionId", s."createdAt" AS "sessionCreatedAt", s."lastSeenAt", s."expiresAt",
            u."id", u."email", u."displayName", u."locale", u."emailVerifiedAt", u."isDemo", u."disabledAt", u."createdAt",
            COALESCE((SELECT json_agg(r."role") FROM "core_user_role" r WHERE r."userId" = u."id"), '[]'::json) AS "roles",
            COALESCE((SELECT json_agg(json_build_object('organisationId', m."organisationId", 'role', m."role") ORDER BY m."createdAt", m."organisationId")
                      FROM "core_membership" m WHERE m."userId" = u."id"), '[]'::json) AS "memberships"
     FROM "core_session" s JOIN "core_user" u ON u."id" = s."userId"
     WHERE s."id" = $1`,
    [id]
  );
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.disabledAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  const { sessionId, sessionCreatedAt, lastSeenAt, expiresAt, roles, memberships, ...user } = row;
  const session: SessionInfo = { id: sessionId, userId: user.id, createdAt: sessionCreatedAt, lastSeenAt, expiresAt };
  if (now - session.lastSeenAt.getTime() >= SESSION_REFRESH_INTERVAL_MS) {
    session.lastSeenAt = new Date(now);
    session.expiresAt = new Date(now + SESSION_TTL_MS);
    // No error if a parallel logout deleted the row in the meantime.
    await sql.query(`UPDATE "core_session" SET "lastSeenAt" = $2, "expiresAt" = $3 WHERE "id" = $1`, [id, session.lastSeenAt, session.expiresAt]);
  }
  return { user, session, roles, memberships };
}

/** Logs out one session, by cookie token or by Session.id. */
export async function invalidateSession({ db, ...by }: { db: DbClient } & ({ token: string } | { sessionId: string })): Promise<void> {
  const id = 'token' in by ? hashToken(by.token) : by.sessionId;
  await db.session.deleteMany({ where: { id } });
}

/** Logs a user out everywhere, optionally except the current session. Returns how many were closed. */
export async function invalidateUserSessions({ db, userId, exceptSessionId }: { db: DbClient; userId: string; exceptSessionId?: string }): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
  return count;
}

/** Housekeeping: deletes expired sessions. Returns how many. */
export async function deleteExpiredSessions({ db }: { db: DbClient }): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  return count;
}
