// Fixtures shared by this package's tests (not exported from index.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '@passerelle/db';
import { AppError, type AppErrorCode } from '@passerelle/trpc/errors';
import { expect } from 'vitest';
import { hashPassword } from './password.ts';

export const PASSWORD = 'a long enough passphrase';
let cachedHash: Promise<string> | null = null;

/** A unique address per call, so tests in one database never collide. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.org`;
}

/** A verified, enabled user whose password is PASSWORD (hashed once per file). */
export async function createUser(db: Db, data: { email?: string; verified?: boolean; disabled?: boolean; displayName?: string } = {}) {
  cachedHash ??= hashPassword(PASSWORD);
  return db.user.create({
    data: {
      email: data.email ?? uniqueEmail(),
      passwordHash: await cachedHash,
      displayName: data.displayName ?? 'Test User',
      emailVerifiedAt: data.verified === false ? null : new Date(),
      disabledAt: data.disabled ? new Date() : null
    }
  });
}

export async function createOrganisation(db: Db, name = 'EPN Test') {
  return db.organisation.create({ data: { name, slug: `org-${randomUUID().slice(0, 8)}` } });
}

/** Asserts that a promise rejects with an AppError of this code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/**
 * Waits until this PostgreSQL database has no other connection than the one asking (idle pooled
 * connections close after pg's 10 s idle timeout). Call it in afterAll after tests that opened many
 * pooled connections at once: the test database is then dropped WITH (FORCE), and a connection
 * still closing at that moment makes the pg pool emit an unhandled 'error' (57P01), which fails the
 * run. The db package's close() does not wait for pooled sockets to close (reported).
 */
export async function settlePostgresConnections(db: Db, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
    if (!row || row.n === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
