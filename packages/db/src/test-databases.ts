// Fresh, migrated databases for tests, on both kinds. (No vitest import here: the global setup
// uses this module in vitest's main process; src/testing.ts adds the vitest helpers.)
//
// Migrating costs seconds (creating a PGlite directory alone takes ~5 s), so each kind has one
// migrated TEMPLATE, keyed by a hash of the migrations and of the prisma/PGlite versions, built
// once and reused by every test run until the migrations change:
//   - PostgreSQL: database p_tpl_<hash>, copied with CREATE DATABASE p_t_<...> TEMPLATE p_tpl_<hash>;
//   - PGlite: directory <tmp>/passerelle-db-test/pglite-tpl-<hash>, copied with fs.cp.
// Several vitest processes (turbo runs packages in parallel) may start at once: the template is
// built under a lock (advisory lock / lock directory) and published by an atomic rename.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type DbHandle, type DbKind, type DbOptions } from './index.ts';
import { migrateDeploy } from './migrate.ts';
import { DB_PACKAGE_DIR, MIGRATIONS_DIR } from './paths.ts';

export const DB_KINDS = ['pglite', 'postgres'] as const satisfies readonly DbKind[];

export const DEFAULT_TEST_DATABASE_URL = 'postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test';

/** The server for test databases: TEST_DATABASE_URL (its database is used for admin queries only). */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

export interface TestDb extends DbHandle {
  /** How to open this database again (createDb, migrateDeploy, runPrismaCli target). */
  options: DbOptions;
}

/** A fresh database of this kind: migrated, holding only the reference data (the 19 communes).
 *  close() disconnects and deletes it. */
export async function createTestDb(kind: DbKind): Promise<TestDb> {
  const { options, drop } = kind === 'postgres' ? await copyPostgresTemplate() : await copyPgliteTemplate();
  let handle: DbHandle;
  try {
    handle = await createDb(options);
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    ...handle,
    options,
    close: async () => {
      try {
        await handle.close();
      } finally {
        await drop();
      }
    },
  };
}

/** An EMPTY database (no migrations applied), for tests of the migrate path itself. */
export async function createEmptyTestTarget(kind: DbKind): Promise<{ options: DbOptions; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = await fs.mkdtemp(path.join(await tmpRoot(), 'pglite-empty-'));
    return { options: { pgliteDir: dir }, drop: () => fs.rm(dir, { recursive: true, force: true }) };
  }
  const name = testDatabaseName();
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  return { options: { databaseUrl: urlWithDatabase(testDatabaseUrl(), name) }, drop: () => dropDatabase(name) };
}

/** Builds the missing templates (both kinds) and removes stale leftovers. The global setup calls it;
 *  createTestDb calls the per-kind half itself, so tests also work without the global setup. */
export async function ensureTestTemplates(log: (message: string) => void = () => {}): Promise<void> {
  for (const kind of DB_KINDS) {
    const started = performance.now();
    const built = await ensureTemplate(kind);
    log(`[db] test template ${kind}: ${built ? 'built' : 'ready'} in ${Math.round(performance.now() - started)} ms`);
  }
  await removeStaleTestDatabases();
}

// --- templates ----------------------------------------------------------------------------------

const templateReady = new Map<DbKind, Promise<boolean>>();

/** Resolves to true when this call built the template, false when it already existed. */
function ensureTemplate(kind: DbKind): Promise<boolean> {
  let ready = templateReady.get(kind);
  if (!ready) {
    ready = kind === 'postgres' ? ensurePostgresTemplate() : ensurePgliteTemplate();
    ready.catch(() => templateReady.delete(kind)); // let a later call retry
    templateReady.set(kind, ready);
  }
  return ready;
}

let cachedHash: string | undefined;
/** Changes when a migration, prisma or PGlite changes, so that a stale template is never used. */
function templateHash(): string {
  if (cachedHash) return cachedHash;
  const h = createHash('sha256');
  for (const pkg of ['prisma', '@electric-sql/pglite']) {
    // Read from the file: @electric-sql/pglite does not export ./package.json.
    const { version } = JSON.parse(readFileSync(path.join(DB_PACKAGE_DIR, 'node_modules', pkg, 'package.json'), 'utf8'));
    h.update(`${pkg}@${String(version)}\n`);
  }
  for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    h.update(`${entry.name}\n`);
    h.update(readFileSync(path.join(MIGRATIONS_DIR, entry.name, 'migration.sql')));
  }
  return (cachedHash = h.digest('hex').slice(0, 16));
}

// PostgreSQL ---------------------------------------------------------------------------------------

const TEMPLATE_PREFIX = 'p_tpl_';
const TEST_DB_PREFIX = 'p_t_';
const ADVISORY_LOCK_KEY = 'passerelle.db.test-template';

async function ensurePostgresTemplate(): Promise<boolean> {
  const template = `${TEMPLATE_PREFIX}${templateHash()}`;
  return withAdmin(async (admin) => {
    if (await databaseExists(admin, template)) return false;
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [ADVISORY_LOCK_KEY]);
    try {
      if (await databaseExists(admin, template)) return false; // another process built it meanwhile
      const building = `${template}_b${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrateDeploy({ databaseUrl: urlWithDatabase(testDatabaseUrl(), building), log: false });
      // Rename = publish atomically. No one may connect to a template afterwards, or copies fail.
      await retryWhileInUse(() => admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`));
      await admin.query(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`);
      // Templates of older migration sets are no longer needed.
      const old = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2',
        [TEMPLATE_PREFIX, template],
      );
      for (const { datname } of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      return true;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [ADVISORY_LOCK_KEY]);
    }
  });
}

async function copyPostgresTemplate(): Promise<{ options: DbOptions; drop(): Promise<void> }> {
  await ensureTemplate('postgres');
  const template = `${TEMPLATE_PREFIX}${templateHash()}`;
  const name = testDatabaseName();
  await withAdmin((admin) => retryWhileInUse(() => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)));
  return { options: { databaseUrl: urlWithDatabase(testDatabaseUrl(), name) }, drop: () => dropDatabase(name) };
}

/** p_t_<creation time, base 36>_<random>: the time lets a later run remove leftovers safely. */
function testDatabaseName(): string {
  return `${TEST_DB_PREFIX}${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
}

function dropDatabase(name: string): Promise<void> {
  return withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

/** Runs fn with a short-lived connection to TEST_DATABASE_URL. PostgreSQL is required: no skip. */
async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const url = testDatabaseUrl();
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required by the tests but ${redact(url)} is unreachable (${(error as Error).message}). ` +
        'Start PostgreSQL or set TEST_DATABASE_URL (see packages/db/README.md).',
      { cause: error },
    );
  }
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** CREATE DATABASE ... TEMPLATE and RENAME fail while a session (even one just closing) is connected. */
async function retryWhileInUse<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

// PGlite -------------------------------------------------------------------------------------------

async function tmpRoot(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'passerelle-db-test');
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

async function pgliteTemplateDir(): Promise<string> {
  return path.join(await tmpRoot(), `pglite-tpl-${templateHash()}`);
}

async function ensurePgliteTemplate(): Promise<boolean> {
  const template = await pgliteTemplateDir();
  if (existsSync(template)) return false;
  return withDirLock(`${template}.lock`, async () => {
    if (existsSync(template)) return false;
    const building = `${template}.building-${process.pid}`;
    await fs.rm(building, { recursive: true, force: true });
    await migrateDeploy({ pgliteDir: building, log: false });
    await fs.rename(building, template); // publish atomically
    // Templates of older migration sets are no longer needed, once no run can still be copying them
    // (another checkout of the repository may be testing another migration set right now: its
    // template, half-built or finished, is left alone for an hour).
    const root = path.dirname(template);
    for (const name of await fs.readdir(root)) {
      const full = path.join(root, name);
      if (/^pglite-tpl-[0-9a-f]+$/.test(name) && name !== path.basename(template) && (await fs.stat(full)).mtimeMs < Date.now() - 60 * 60_000) {
        await fs.rm(full, { recursive: true, force: true });
      }
    }
    return true;
  });
}

async function copyPgliteTemplate(): Promise<{ options: DbOptions; drop(): Promise<void> }> {
  await ensureTemplate('pglite');
  const dir = await fs.mkdtemp(path.join(await tmpRoot(), `pglite-t-${Date.now().toString(36)}-`));
  await fs.cp(await pgliteTemplateDir(), dir, { recursive: true });
  return { options: { pgliteDir: dir }, drop: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** A cross-process lock: mkdir is atomic. A lock whose owner process died is taken over. */
async function withDirLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await fs.readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''));
      if (owner && !isAlive(owner)) await fs.rm(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// --- leftovers ----------------------------------------------------------------------------------

const STALE_AFTER_MS = 6 * 60 * 60_000;

/** Leftovers of crashed runs: p_t_* databases and pglite-* directories older than 6 hours, and
 *  half-built PGlite templates whose builder died. */
async function removeStaleTestDatabases(): Promise<void> {
  const cutoff = Date.now() - STALE_AFTER_MS;
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [TEST_DB_PREFIX],
    );
    for (const { datname } of rows) {
      const createdAt = parseInt(datname.slice(TEST_DB_PREFIX.length).split('_')[0] ?? '', 36);
      if (createdAt < cutoff) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
  const root = await tmpRoot();
  for (const name of await fs.readdir(root)) {
    const full = path.join(root, name);
    const builder = /\.building-(\d+)$/.exec(name)?.[1];
    const stale = builder
      ? !isAlive(Number(builder))
      : /^pglite-(t|empty)-/.test(name) && (await fs.stat(full)).mtimeMs < cutoff;
    if (stale) await fs.rm(full, { recursive: true, force: true });
  }
}
