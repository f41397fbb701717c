import { describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { hashToken } from './crypto.ts';
import {
  createSession,
  deleteExpiredSessions,
  invalidateSession,
  invalidateUserSessions,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sessionCookieOptions,
  validateSession
} from './sessions.ts';
import { createUser } from './test-helpers.ts';

const HOUR = 60 * 60 * 1000;

describe('session cookie', () => {
  it('is httpOnly, lax, site-wide, and lives as long as a session', () => {
    expect(SESSION_COOKIE).toBe('passerelle_session');
    expect(sessionCookieOptions({ secure: true })).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: 30 * 24 * 3600 });
    expect(sessionCookieOptions({ secure: false }).secure).toBe(false);
  });
});

describeEachDb('sessions', (ctx) => {
  it('stores only the SHA-256 of a random 32-byte token, and validates it back to the user', async () => {
    const user = await createUser(ctx.getDb());
    const { token, sessionId, expiresAt } = await createSession({ db: ctx.getDb(), userId: user.id });
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(sessionId).toBe(hashToken(token));
    expect(sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(await ctx.getDb().session.findUnique({ where: { id: token } })).toBeNull();
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 60_000);

    const result = await validateSession({ db: ctx.getDb(), token });
    expect(result?.user.id).toBe(user.id);
    expect(result?.user).not.toHaveProperty('passwordHash');
    expect(result?.session.id).toBe(sessionId);
  });

  it('returns null for an unknown or empty token', async () => {
    expect(await validateSession({ db: ctx.getDb(), token: 'x'.repeat(43) })).toBeNull();
    expect(await validateSession({ db: ctx.getDb(), token: '' })).toBeNull();
  });

  it('slides the expiry when last seen more than an hour ago', async () => {
    const user = await createUser(ctx.getDb());
    const { token, sessionId } = await createSession({ db: ctx.getDb(), userId: user.id });
    const old = { lastSeenAt: new Date(Date.now() - 2 * HOUR), expiresAt: new Date(Date.now() + 24 * HOUR) };
    await ctx.getDb().session.update({ where: { id: sessionId }, data: old });

    const result = await validateSession({ db: ctx.getDb(), token });
    expect(result).not.toBeNull();
    const row = await ctx.getDb().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 60_000);
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(result!.session.expiresAt.getTime()).toBe(row.expiresAt.getTime());
  });

  it('does not write when last seen less than an hour ago', async () => {
    const user = await createUser(ctx.getDb());
    const { token, sessionId } = await createSession({ db: ctx.getDb(), userId: user.id });
    const recent = { lastSeenAt: new Date(Date.now() - 10 * 60 * 1000), expiresAt: new Date(Date.now() + 5 * 24 * HOUR) };
    await ctx.getDb().session.update({ where: { id: sessionId }, data: recent });

    expect(await validateSession({ db: ctx.getDb(), token })).not.toBeNull();
    const row = await ctx.getDb().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.lastSeenAt.getTime()).toBe(recent.lastSeenAt.getTime());
    expect(row.expiresAt.getTime()).toBe(recent.expiresAt.getTime());
  });

  it('rejects and deletes an expired session', async () => {
    const user = await createUser(ctx.getDb());
    const { token, sessionId } = await createSession({ db: ctx.getDb(), userId: user.id });
    await ctx.getDb().session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSession({ db: ctx.getDb(), token })).toBeNull();
    expect(await ctx.getDb().session.findUnique({ where: { id: sessionId } })).toBeNull();
  });

  it('rejects the session of a disabled user', async () => {
    const user = await createUser(ctx.getDb());
    const { token } = await createSession({ db: ctx.getDb(), userId: user.id });
    await ctx.getDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await validateSession({ db: ctx.getDb(), token })).toBeNull();
  });

  it('logs out one session by token or by id', async () => {
    const user = await createUser(ctx.getDb());
    const a = await createSession({ db: ctx.getDb(), userId: user.id });
    const b = await createSession({ db: ctx.getDb(), userId: user.id });
    await invalidateSession({ db: ctx.getDb(), token: a.token });
    expect(await validateSession({ db: ctx.getDb(), token: a.token })).toBeNull();
    expect(await validateSession({ db: ctx.getDb(), token: b.token })).not.toBeNull();
    await invalidateSession({ db: ctx.getDb(), sessionId: b.sessionId });
    expect(await validateSession({ db: ctx.getDb(), token: b.token })).toBeNull();
  });

  it('logs a user out everywhere except the current session, and not other users', async () => {
    const user = await createUser(ctx.getDb());
    const other = await createUser(ctx.getDb());
    const keep = await createSession({ db: ctx.getDb(), userId: user.id });
    const drop1 = await createSession({ db: ctx.getDb(), userId: user.id });
    const drop2 = await createSession({ db: ctx.getDb(), userId: user.id });
    const others = await createSession({ db: ctx.getDb(), userId: other.id });
    expect(await invalidateUserSessions({ db: ctx.getDb(), userId: user.id, exceptSessionId: keep.sessionId })).toBe(2);
    expect(await validateSession({ db: ctx.getDb(), token: keep.token })).not.toBeNull();
    expect(await validateSession({ db: ctx.getDb(), token: drop1.token })).toBeNull();
    expect(await validateSession({ db: ctx.getDb(), token: drop2.token })).toBeNull();
    expect(await validateSession({ db: ctx.getDb(), token: others.token })).not.toBeNull();
    expect(await invalidateUserSessions({ db: ctx.getDb(), userId: user.id })).toBe(1);
  });

  it('deleteExpiredSessions removes only expired rows', async () => {
    const user = await createUser(ctx.getDb());
    const live = await createSession({ db: ctx.getDb(), userId: user.id });
    const dead = await createSession({ db: ctx.getDb(), userId: user.id });
    await ctx.getDb().session.update({ where: { id: dead.sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await deleteExpiredSessions({ db: ctx.getDb() })).toBeGreaterThanOrEqual(1);
    expect(await ctx.getDb().session.findUnique({ where: { id: dead.sessionId } })).toBeNull();
    expect(await ctx.getDb().session.findUnique({ where: { id: live.sessionId } })).not.toBeNull();
  });
});
