import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@passerelle/db';
import { createTestDb, describeEachDb, type TestDb } from '@passerelle/db/testing';
import { consume, consumeEmailRequest, consumeRateLimit, consumeLoginAttempt, createLimiter, limiters, purgeExpiredRateLimits, resetLimit, resetLoginAttempts } from './rate-limit.ts';
import { expectAppError, settlePostgresConnections } from './test-helpers.ts';

const prefix = () => `t-${randomUUID().slice(0, 8)}`;

describe('named limits', () => {
  it('are the platform policy', () => {
    expect(limiters.login.config).toMatchObject({ points: 5, duration: 15 * 60 });
    expect(limiters.loginIp.config).toMatchObject({ points: 50, duration: 15 * 60 });
    expect(limiters.signup.config).toMatchObject({ points: 10, duration: 3600 });
    expect(limiters.reset.config).toMatchObject({ points: 3, duration: 3600 });
    expect(limiters.resetIp.config).toMatchObject({ points: 10, duration: 3600 });
  });
});

describeEachDb('rate limits', (ctx) => {
  afterAll(async () => {
    if (ctx.kind === 'postgres') await settlePostgresConnections(ctx.getDb());
  }, 30_000);

  it('refuses the (N+1)th attempt with RATE_LIMITED and a retryAfter within the window', async () => {
    const limiter = createLimiter({ db: ctx.getDb(), keyPrefix: prefix(), points: 3, duration: 600 });
    expect((await consume(limiter, 'k')).remaining).toBe(2);
    await consume(limiter, 'k');
    expect((await consume(limiter, 'k')).remaining).toBe(0);
    const error = await expectAppError(consume(limiter, 'k'), 'RATE_LIMITED');
    expect(error.retryAfter).toBeGreaterThan(590);
    expect(error.retryAfter).toBeLessThanOrEqual(600);
    // Other keys are counted apart.
    await consume(limiter, 'other');
  });

  it('stores the count in the database table', async () => {
    const keyPrefix = prefix();
    await consume(createLimiter({ db: ctx.getDb(), keyPrefix, points: 5, duration: 60 }), '1.2.3.4');
    const row = await ctx.getDb().rateLimiterFlexible.findUniqueOrThrow({ where: { key: `${keyPrefix}:1.2.3.4` } });
    expect(row.points).toBe(1);
    expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('shares the count between two limiter instances (two app servers)', async () => {
    const keyPrefix = prefix();
    const serverA = createLimiter({ db: ctx.getDb(), keyPrefix, points: 4, duration: 600 });
    const serverB = createLimiter({ db: ctx.getDb(), keyPrefix, points: 4, duration: 600 });
    expect(serverA).not.toBe(serverB);
    await consume(serverA, 'ip');
    await consume(serverB, 'ip');
    await consume(serverA, 'ip');
    await consume(serverB, 'ip');
    await expectAppError(consume(serverA, 'ip'), 'RATE_LIMITED');
    await expectAppError(consume(serverB, 'ip'), 'RATE_LIMITED');
  });

  it('counts every one of many concurrent attempts', async () => {
    const limiter = createLimiter({ db: ctx.getDb(), keyPrefix: prefix(), points: 5, duration: 600 });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => consume(limiter, 'burst')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (const r of results) if (r.status === 'rejected') expect(r.reason.code).toBe('RATE_LIMITED');
  });

  it('opens a new window once the old one expired', async () => {
    const limiter = createLimiter({ db: ctx.getDb(), keyPrefix: prefix(), points: 1, duration: 1 });
    await consume(limiter, 'k');
    await expectAppError(consume(limiter, 'k'), 'RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await consume(limiter, 'k')).remaining).toBe(0);
  });

  it('resetLimit forgets a key', async () => {
    const limiter = createLimiter({ db: ctx.getDb(), keyPrefix: prefix(), points: 1, duration: 600 });
    await consume(limiter, 'k');
    await expectAppError(consume(limiter, 'k'), 'RATE_LIMITED');
    await resetLimit(limiter, 'k');
    await consume(limiter, 'k');
  });

  it('login: 5 attempts per email and IP, the 6th refused; another IP or email still allowed; success resets', async () => {
    const email = `rl-${randomUUID().slice(0, 8)}@example.org`;
    const ip = `10.0.${Math.floor(Math.random() * 255)}.1`;
    for (let i = 0; i < 5; i++) await consumeLoginAttempt({ db: ctx.getDb(), email: i % 2 ? email.toUpperCase() : email, ip });
    await expectAppError(consumeLoginAttempt({ db: ctx.getDb(), email, ip }), 'RATE_LIMITED');
    await consumeLoginAttempt({ db: ctx.getDb(), email, ip: '192.0.2.99' });
    await consumeLoginAttempt({ db: ctx.getDb(), email: `other-${email}`, ip });
    await resetLoginAttempts({ db: ctx.getDb(), email, ip });
    await consumeLoginAttempt({ db: ctx.getDb(), email, ip });
  });

  it('login per IP counts failures: successful logins give their point back; a reward never goes below zero', async () => {
    const db = ctx.getDb();
    const ip = `10.3.${Math.floor(Math.random() * 255)}.4`;
    // 60 people of one EPN sign in from its address: each attempt succeeds, none is refused.
    for (let i = 0; i < 60; i++) {
      const email = `epn-${i}-${randomUUID().slice(0, 6)}@example.org`;
      await consumeLoginAttempt({ db, email, ip });
      await resetLoginAttempts({ db, email, ip });
    }
    expect((await limiters.loginIp.get(db).get(ip))?.consumedPoints ?? 0).toBe(0);
    // Guessing across accounts from that address is still stopped after 50 failures.
    for (let i = 0; i < 50; i++) await consumeLoginAttempt({ db, email: `guess-${i}-${randomUUID().slice(0, 6)}@example.org`, ip });
    await expectAppError(consumeLoginAttempt({ db, email: `guess-x-${randomUUID()}@example.org`, ip }), 'RATE_LIMITED');
    // A reward on an unknown key stores no credit.
    const fresh = `10.4.${Math.floor(Math.random() * 255)}.5`;
    await limiters.loginIp.reward({ db, key: fresh, points: 5 });
    expect((await limiters.loginIp.get(db).get(fresh))?.consumedPoints ?? 0).toBe(0);
  });

  it('login: 50 attempts per IP across emails', async () => {
    const ip = `10.1.${Math.floor(Math.random() * 255)}.2`;
    // Pre-fill the per-IP counter, then the 51st attempt (with a fresh email) is refused.
    await limiters.loginIp.get(ctx.getDb()).set(ip, 50, 900);
    await expectAppError(consumeLoginAttempt({ db: ctx.getDb(), email: `fresh-${randomUUID()}@example.org`, ip }), 'RATE_LIMITED');
  });

  it('signup: 10 per IP per hour; reset: 3 per email, 10 per IP', async () => {
    const ip = `10.2.${Math.floor(Math.random() * 255)}.3`;
    for (let i = 0; i < 9; i++) await limiters.signup.consume({ db: ctx.getDb(), key: ip });
    expect(await consumeRateLimit({ db: ctx.getDb(), limiter: 'signup', key: ip })).toEqual({ remaining: 0 });
    await expectAppError(consumeRateLimit({ db: ctx.getDb(), limiter: 'signup', key: ip }), 'RATE_LIMITED');

    const email = `reset-${randomUUID().slice(0, 8)}@example.org`;
    for (let i = 0; i < 3; i++) await consumeEmailRequest({ db: ctx.getDb(), email, ip });
    await expectAppError(consumeEmailRequest({ db: ctx.getDb(), email, ip }), 'RATE_LIMITED');
    for (let i = 0; i < 6; i++) await consumeEmailRequest({ db: ctx.getDb(), email: `${i}-${email}`, ip });
    // 3 + 1 (refused by the email limit, but counted on the IP) + 6 = 10 on this IP.
    await expectAppError(consumeEmailRequest({ db: ctx.getDb(), email: `new-${email}`, ip }), 'RATE_LIMITED');
  });

  it('purgeExpiredRateLimits deletes rows expired over an hour ago only', async () => {
    const keyPrefix = prefix();
    await ctx.getDb().rateLimiterFlexible.createMany({
      data: [
        { key: `${keyPrefix}:old`, points: 3, expire: new Date(Date.now() - 2 * 3600_000) },
        { key: `${keyPrefix}:recent`, points: 3, expire: new Date(Date.now() - 60_000) }
      ]
    });
    expect(await purgeExpiredRateLimits({ db: ctx.getDb() })).toBeGreaterThanOrEqual(1);
    expect(await ctx.getDb().rateLimiterFlexible.findUnique({ where: { key: `${keyPrefix}:old` } })).toBeNull();
    expect(await ctx.getDb().rateLimiterFlexible.findUnique({ where: { key: `${keyPrefix}:recent` } })).not.toBeNull();
  });
});

describe('rate limits across two app servers with their own database clients [postgres]', () => {
  let testDb: TestDb;
  let first: DbHandle;
  let second: DbHandle;
  beforeAll(async () => {
    testDb = await createTestDb('postgres');
    first = await createDb(testDb.options);
    second = await createDb(testDb.options);
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    if (testDb) await settlePostgresConnections(testDb.db);
    await testDb?.close();
  }, 60_000);

  it('counts attempts made through both clients together, also when concurrent', async () => {
    const keyPrefix = prefix();
    const serverA = createLimiter({ db: first.db, keyPrefix, points: 6, duration: 600 });
    const serverB = createLimiter({ db: second.db, keyPrefix, points: 6, duration: 600 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => consume(i % 2 ? serverA : serverB, '203.0.113.7')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    await expectAppError(consume(serverA, '203.0.113.7'), 'RATE_LIMITED');
    await expectAppError(consume(serverB, '203.0.113.7'), 'RATE_LIMITED');
    // The named limiters too: 5 login attempts on one server, the 6th refused on the other.
    const email = `two-servers-${randomUUID().slice(0, 8)}@example.org`;
    for (let i = 0; i < 5; i++) await consumeLoginAttempt({ db: first.db, email, ip: '203.0.113.8' });
    await expectAppError(consumeLoginAttempt({ db: second.db, email, ip: '203.0.113.8' }), 'RATE_LIMITED');
  });
});
