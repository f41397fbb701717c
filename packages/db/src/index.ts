/**
 * @passerelle/db: the Prisma client on either database.
 *  - PostgreSQL when a URL is given (DATABASE_URL): production, any number of app servers.
 *  - PGlite otherwise: PostgreSQL compiled to WebAssembly, in this process, persisted to a directory
 *    (PGLITE_DIR, default <repo>/data/pglite). Zero set-up, but single-process: open it only after
 *    migrations were applied (see ./migrate.ts), and never from two processes at once.
 * One schema and one migration history serve both.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { resolvePgliteDir } from './paths.ts';
import { pgliteAdapter } from './pglite-adapter.ts';
import { pgliteSql, pgTypes, poolSql, registerSql } from './sql.ts';

export * from '@prisma/client'; // Prisma, PrismaClient, model types (User, Organisation, ...)
export { sqlOf, type Sql, type SqlQuery } from './sql.ts';

export type Db = PrismaClient;
export type DbKind = 'pglite' | 'postgres';

export interface DbOptions {
  /** PostgreSQL connection string. Wins over everything else. */
  databaseUrl?: string;
  /** PGlite directory (relative: to the repo root; `memory://` for an in-memory database). Given
   *  without databaseUrl, it forces PGlite even when DATABASE_URL is set. */
  pgliteDir?: string;
}

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Disconnects Prisma and closes the PGlite instance or the pg pool, so the process can exit
   *  ($disconnect alone leaves PGlite open). */
  close(): Promise<void>;
}

/** Opens a database: opts first, then DATABASE_URL, then PGlite at PGLITE_DIR or <repo>/data/pglite. */
export async function createDb(opts: DbOptions = {}): Promise<DbHandle> {
  const { ready, ...handle } = openDb(opts);
  try {
    await ready();
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

function openDb(opts: DbOptions): DbHandle & { ready(): Promise<unknown> } {
  const url = opts.databaseUrl || (opts.pgliteDir ? undefined : process.env.DATABASE_URL);
  if (url) {
    const pool = new pg.Pool({ connectionString: url, types: pgTypes });
    // An idle pooled connection can fail (server restart, a test database dropped WITH (FORCE)).
    // pg re-emits that on the pool, and an 'error' event without a listener kills the process.
    // The pool replaces the connection on next use, so a warning is enough.
    let closing = false;
    pool.on('error', (error) => {
      if (!closing) console.warn(`[db] idle PostgreSQL connection lost: ${error.message}`);
    });
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    registerSql(db, poolSql(pool));
    return {
      db,
      kind: 'postgres',
      // Fail early on a wrong URL or an unreachable server (a query would, later and less clearly).
      ready: () => pool.query('SELECT 1'),
      close: once(async () => {
        closing = true;
        await db.$disconnect();
        await pool.end(); // resolves once every pooled socket is closed
      }),
    };
  }
  const dir = resolvePgliteDir(opts.pgliteDir);
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir); // queries wait until it is ready
  const db = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  registerSql(db, pgliteSql(pglite));
  return {
    db,
    kind: 'pglite',
    ready: () => pglite.waitReady,
    close: once(async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
    }),
  };
}

/** close() may be called twice (a test's finally and an afterAll): the second call waits for the first. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

// --- process singleton -------------------------------------------------------------------------

// Kept on globalThis so that a dev server that re-evaluates this module (Vite HMR) reuses the one
// instance instead of opening the PGlite directory a second time, which would corrupt it.
const SINGLETON = Symbol.for('passerelle.db.singleton');
type Holder = { [SINGLETON]?: DbHandle };
const holder = globalThis as Holder;

/**
 * The process-wide database, opened on first use from the environment: DATABASE_URL set =>
 * PostgreSQL, else PGlite at PGLITE_DIR or <repo>/data/pglite. Apply migrations first
 * (migrateDeploy from @passerelle/db/migrate).
 */
export function getDb(): Db {
  holder[SINGLETON] ??= openDb({});
  return holder[SINGLETON].db;
}

/** Which database getDb() uses (or would use). */
export function getDbKind(): DbKind {
  return holder[SINGLETON]?.kind ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
}

/** Closes the process-wide database, if it was opened. The next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const handle = holder[SINGLETON];
  delete holder[SINGLETON];
  await handle?.close();
}
