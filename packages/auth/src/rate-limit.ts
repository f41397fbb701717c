import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@passerelle/trpc/errors';
import { sqlOf } from '@passerelle/db';
import type { DbClient } from './db-client.ts';
import { normaliseEmail } from './email.ts';

// Rate limits shared by every app server: rate-limiter-flexible's RateLimiterPrisma over the
// RateLimiterFlexible model (table core_rate_limit), through the driver adapter on both PGlite and
// PostgreSQL. The library's logic (points, windows, blocking) is kept; only its write is replaced by one
// SQL statement (the library deletes an expired row, then upserts: three round trips on the hot path of
// every vote and comment). An expired window restarts; concurrent requests on several servers are all
// counted (the tests fire a burst and check the total). A reward (points given back) never takes a
// count below zero.

/** What a limiter is built from. `duration` is in seconds. */
export interface LimiterConfig {
  /** Namespace of the keys, e.g. "login-ip" or "ideas-vote". */
  keyPrefix: string;
  /** How many points may be consumed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /** If set, once exceeded the key is blocked for this many seconds (instead of until the window ends). */
  blockDuration?: number;
}

export type Limiter = RateLimiterPrisma & { readonly config: Readonly<LimiterConfig> };

interface StoredPoints {
  key: string;
  points: number;
  expire: Date | null;
}

/** RateLimiterPrisma whose write is a single INSERT … ON CONFLICT on core_rate_limit. */
class RateLimiterSql extends RateLimiterPrisma {
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<StoredPoints> {
    const db = (this as unknown as { prismaClient: DbClient }).prismaClient;
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    // Plain SQL (sqlOf): this statement runs on every login attempt, vote, comment and submission.
    const rows = forceExpire
      ? sqlOf(db).query<StoredPoints>(
          `INSERT INTO "core_rate_limit" ("key", "points", "expire") VALUES ($1, $2, $3)
           ON CONFLICT ("key") DO UPDATE SET "points" = EXCLUDED."points", "expire" = EXCLUDED."expire"
           RETURNING "key", "points", "expire"`,
          [key, points, expire]
        )
      : sqlOf(db).query<StoredPoints>(
          `INSERT INTO "core_rate_limit" ("key", "points", "expire") VALUES ($1, GREATEST(0, $2::int), $3)
           ON CONFLICT ("key") DO UPDATE SET
             "points" = GREATEST(0, CASE WHEN "core_rate_limit"."expire" IS NOT NULL AND "core_rate_limit"."expire" <= $4 THEN $2::int ELSE "core_rate_limit"."points" + $2::int END),
             "expire" = CASE WHEN "core_rate_limit"."expire" IS NOT NULL AND "core_rate_limit"."expire" <= $4 THEN EXCLUDED."expire" ELSE "core_rate_limit"."expire" END
           RETURNING "key", "points", "expire"`,
          [key, points, expire, now]
        );
    return rows.then((r) => ({ ...r[0]!, points: Number(r[0]!.points) }));
  }
}

/**
 * A limiter stored in the database. Cheap to build (no timers); plugins create theirs once, at
 * module level or per request. Two limiters with the same keyPrefix share their counts, also
 * across processes.
 */
export function createLimiter({ db, keyPrefix, points, duration, blockDuration }: { db: DbClient } & LimiterConfig): Limiter {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(keyPrefix)) throw new Error(`invalid limiter keyPrefix "${keyPrefix}"`);
  const limiter = new RateLimiterSql({
    storeClient: db,
    // The Prisma client property of model RateLimiterFlexible (the library's default,
    // 'RateLimiterFlexible', is the model name, which is not a property of the client).
    tableName: 'rateLimiterFlexible',
    keyPrefix,
    points,
    duration,
    blockDuration: blockDuration ?? 0,
    // One janitor per database instead of a 5-minute timer per limiter instance.
    clearExpiredByTimeout: false
  }) as unknown as Limiter;
  Object.defineProperty(limiter, 'config', { value: Object.freeze({ keyPrefix, points, duration, blockDuration }), enumerable: true });
  startJanitor(db);
  return limiter;
}

/**
 * Takes `points` (default 1) for `key`. Throws RATE_LIMITED with retryAfter (seconds) when the
 * limit is exceeded. A store failure is rethrown (fail closed): a broken database must not lift
 * brute-force protection.
 */
export async function consume(limiter: RateLimiterPrisma, key: string, points = 1): Promise<{ remaining: number }> {
  try {
    const res = await limiter.consume(key, points);
    return { remaining: res.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', 'too many attempts', { retryAfter });
    }
    throw error;
  }
}

/** Forgets a key (e.g. the email+ip login counter after a successful login). */
export async function resetLimit(limiter: RateLimiterPrisma, key: string): Promise<void> {
  await limiter.delete(key);
}

// --- named limiters ---------------------------------------------------------------------------

/** A limiter definition bound to no database: `.get(db)` gives the (cached) limiter of a database. */
export interface NamedLimiter {
  readonly config: Readonly<LimiterConfig>;
  get(db: DbClient): Limiter;
  consume(options: { db: DbClient; key: string; points?: number }): Promise<{ remaining: number }>;
  reset(options: { db: DbClient; key: string }): Promise<void>;
  /** Gives `points` (default 1) back to `key` (never below zero). */
  reward(options: { db: DbClient; key: string; points?: number }): Promise<void>;
}

/** A named limiter whose store is created per database client (plugins define their own). */
export function defineLimiter(config: LimiterConfig): NamedLimiter {
  const byDb = new WeakMap<object, Limiter>();
  const get = (db: DbClient): Limiter => {
    let limiter = byDb.get(db);
    if (!limiter) {
      limiter = createLimiter({ db, ...config });
      byDb.set(db, limiter);
    }
    return limiter;
  };
  return {
    config: Object.freeze({ ...config }),
    get,
    consume: ({ db, key, points }) => consume(get(db), key, points),
    reset: ({ db, key }) => resetLimit(get(db), key),
    reward: async ({ db, key, points }) => {
      await get(db).reward(key, points ?? 1);
    }
  };
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** The platform's own limits. Keys: an IP, or `${email}|${ip}` (see the helpers below). */
export const limiters = {
  /** Login attempts per email and IP (key `${email}|${ip}`): 5 per 15 minutes. */
  login: defineLimiter({ keyPrefix: 'login-email-ip', points: 5, duration: 15 * MINUTE }),
  /**
   * Failed login attempts per IP (any email): 50 per 15 minutes. Each attempt takes a point and a
   * successful one gives it back: many people sign in from one address (an EPN, a school behind one
   * router) while guessing across accounts is still stopped.
   */
  loginIp: defineLimiter({ keyPrefix: 'login-ip', points: 50, duration: 15 * MINUTE }),
  /** Sign-ups per IP: 10 per hour. */
  signup: defineLimiter({ keyPrefix: 'signup-ip', points: 10, duration: HOUR }),
  /** Password reset (and verification resend) requests per email: 3 per hour. */
  reset: defineLimiter({ keyPrefix: 'reset-email', points: 3, duration: HOUR }),
  /** Password reset (and verification resend) requests per IP: 10 per hour. */
  resetIp: defineLimiter({ keyPrefix: 'reset-ip', points: 10, duration: HOUR })
} as const;

export type LimiterName = keyof typeof limiters;

/** Takes one point (or `points`) from the named limiter; RATE_LIMITED when exceeded. */
export async function consumeRateLimit({ db, limiter, key, points }: { db: DbClient; limiter: LimiterName; key: string; points?: number }): Promise<{ remaining: number }> {
  return limiters[limiter].consume({ db, key, ...(points === undefined ? {} : { points }) });
}

const ipKey = (ip: string | null | undefined) => ip || 'unknown';

/**
 * Counts one login attempt against both login limits (call it before checking the password).
 * RATE_LIMITED if either is exceeded.
 */
export async function consumeLoginAttempt({ db, email, ip }: { db: DbClient; email: string; ip: string | null | undefined }): Promise<void> {
  await limiters.loginIp.consume({ db, key: ipKey(ip) });
  await limiters.login.consume({ db, key: `${normaliseEmail(email)}|${ipKey(ip)}` });
}

/**
 * After a successful login: that person's failed attempts from this IP are forgotten, and the attempt
 * is given back to the IP's count (which so counts failures).
 */
export async function resetLoginAttempts({ db, email, ip }: { db: DbClient; email: string; ip: string | null | undefined }): Promise<void> {
  await limiters.login.reset({ db, key: `${normaliseEmail(email)}|${ipKey(ip)}` });
  await limiters.loginIp.reward({ db, key: ipKey(ip) });
}

/** Counts one "send me an email" request (password reset, verification resend). */
export async function consumeEmailRequest({ db, email, ip }: { db: DbClient; email: string; ip: string | null | undefined }): Promise<void> {
  await limiters.resetIp.consume({ db, key: ipKey(ip) });
  await limiters.reset.consume({ db, key: normaliseEmail(email) });
}

// --- housekeeping -----------------------------------------------------------------------------

/** Deletes rate-limit rows that expired more than an hour ago. Returns how many. */
export async function purgeExpiredRateLimits({ db }: { db: DbClient }): Promise<number> {
  const { count } = await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - HOUR * 1000) } } });
  return count;
}

const JANITOR_INTERVAL_MS = 5 * 60 * 1000;
const janitors = new WeakSet<object>();

/** One unref'd timer per database; it stops itself once the client is garbage-collected or closed. */
function startJanitor(db: DbClient): void {
  if (janitors.has(db)) return;
  janitors.add(db);
  const ref = new WeakRef(db);
  const timer = setInterval(() => {
    const client = ref.deref();
    if (!client) return clearInterval(timer);
    purgeExpiredRateLimits({ db: client }).catch(() => clearInterval(timer));
  }, JANITOR_INTERVAL_MS);
  timer.unref();
}
