/**
 * Workarounds for the experimental Prisma 6.19.3 migrate path (WebAssembly schema engine + driver
 * adapter). CLI ONLY: prisma.config.ts imports this module, so it runs inside the `prisma` process.
 * The app never imports it (it opens its databases through src/index.ts).
 *
 * They touch adapter internals, so the versions are pinned exactly (prisma, @prisma/adapter-pg
 * 6.19.3, @electric-sql/pglite 0.5.17, pglite-prisma-adapter 0.6.1) and the migrate path is tested
 * on both databases (src/migrations.test.ts). Re-check every item below when upgrading any of them.
 *
 *   1. Catalog types: adapter-pg cannot deserialise `name` (OID 19) and `"char"` (OID 18), which the
 *      schema engine reads from pg_catalog (prisma/orm#27403). We report them as text (OID 25).
 *   2. Shadow database (pg): adapter-pg drops the shadow database while its own pool still holds
 *      connections ("database ... is being accessed by other users"). Worse, given a connection
 *      string its shadow pool connects to the MAIN database (it spreads `database` next to
 *      `connectionString`, which wins), so the replay runs there. We create the shadow database
 *      ourselves, connect to it by URL, close its pool first, then DROP ... WITH (FORCE).
 *   3. Multi-statement scripts (PGlite): the shadow replay sends a whole migration.sql through
 *      executeRaw, which PGlite rejects ("cannot insert multiple commands into a prepared
 *      statement"). On that error, with no parameters, we fall back to executeScript. The
 *      adapter's executeScript does not await PGlite's exec (errors would be lost), so ours does.
 *   4. One PGlite per directory: the CLI calls adapter() several times per command, and two PGlite
 *      instances on one directory corrupt it. We keep one instance per directory per process.
 *   5. CLI exit: the CLI never disposes its adapter, PGlite keeps a 10 s Postgres timer armed and
 *      pg keeps idle sockets, so commands never exit. We unref long timers and idle pg sockets,
 *      and close every PGlite instance when the event loop drains (beforeExit).
 */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import type { PrismaConfig } from 'prisma/config';
import { resolvePgliteDir } from '../paths.ts';

/** What prisma.config.ts's adapter() returns: a SqlMigrationAwareDriverAdapterFactory. */
export type CliAdapterFactory = Awaited<ReturnType<Extract<PrismaConfig, { engine: 'js' }>['adapter']>>;
type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgliteAdapter = Awaited<ReturnType<PrismaPGlite['connect']>>;

/**
 * The driver adapter factory for the prisma CLI: PostgreSQL when DATABASE_URL is set, else the
 * PGlite directory (PGLITE_DIR or <repo>/data/pglite), with all five workarounds applied.
 */
export async function cliAdapter(): Promise<CliAdapterFactory> {
  installCliExit();
  const url = process.env.DATABASE_URL;
  if (url) return new CliPrismaPg(url);
  const client = await openPglite(resolvePgliteDir());
  // pglite-prisma-adapter is typed against driver-adapter-utils 6.10; at run time it implements the
  // same SqlMigrationAwareDriverAdapterFactory interface that Prisma 6.19 calls.
  return new CliPrismaPGlite(client) as unknown as CliAdapterFactory;
}

// --- 1. catalog types (pg) ---------------------------------------------------------------------

const CATALOG_OIDS = new Set([19 /* name */, 18 /* "char" */]);
const TEXT_OID = 25;

type PgResult = { fields?: { dataTypeID: number }[] };

/** Rewrites the field type OIDs of every result the adapter (or its transactions) reads. */
function mapCatalogTypesToText<T extends object>(queryable: T): T {
  // performIO is private in the typings; queryRaw calls it through `this`, so an own property wins.
  const target = queryable as T & { performIO(q: unknown): Promise<PgResult | PgResult[]> };
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    // A multi-statement script (shadow replay) yields one result per statement.
    for (const { fields = [] } of Array.isArray(result) ? result : [result]) {
      for (const field of fields) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  const withTx = target as unknown as { startTransaction?: (...a: unknown[]) => Promise<object> };
  const startTransaction = withTx.startTransaction?.bind(target);
  if (startTransaction) {
    withTx.startTransaction = async (...args) => mapCatalogTypesToText(await startTransaction(...args));
  }
  return queryable;
}

class CliPrismaPg extends PrismaPg {
  readonly #url: string;

  constructor(url: string) {
    // allowExitOnIdle (5): the CLI never ends the pool, so let idle sockets not hold the process.
    super({ connectionString: url, allowExitOnIdle: true });
    this.#url = url;
  }

  override async connect(): Promise<PgAdapter> {
    return mapCatalogTypesToText(await super.connect());
  }

  // --- 2. shadow database (pg) -----------------------------------------------------------------
  override async connectToShadowDb(): Promise<PgAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await adminQuery(this.#url, `CREATE DATABASE "${name}"`);
    const url = new URL(this.#url);
    url.pathname = `/${name}`;
    const shadow = mapCatalogTypesToText(
      await new PrismaPg({ connectionString: url.toString(), allowExitOnIdle: true }).connect(),
    );
    const closePool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closePool(); // our pool first, so that the drop does not race our own connections
      await adminQuery(this.#url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return shadow;
  }
}

/** One short-lived connection to the main database, for CREATE/DROP DATABASE. */
async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// --- 3. multi-statement scripts (PGlite) -------------------------------------------------------

function isMultiStatementError(error: unknown): boolean {
  const e = error as { message?: unknown; cause?: { message?: unknown } } | null;
  const text = `${e?.message ?? ''} ${e?.cause?.message ?? ''}`;
  return text.includes('cannot insert multiple commands into a prepared statement');
}

function withScriptFallback(adapter: PgliteAdapter, client: PGlite): PgliteAdapter {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  // Awaited, unlike upstream, so that a failing migration is reported as a failure.
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      onError(error);
    }
  };
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!isMultiStatementError(error) || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

class CliPrismaPGlite extends PrismaPGlite {
  readonly #client: PGlite;

  constructor(client: PGlite) {
    super(client);
    this.#client = client;
  }

  override async connect(): Promise<PgliteAdapter> {
    return withScriptFallback(await super.connect(), this.#client);
  }

  /** A fresh in-memory shadow database, closed when the engine disposes it (upstream never does). */
  override async connectToShadowDb(): Promise<PgliteAdapter> {
    const shadow = await PGlite.create('memory://');
    openInstances.add(shadow);
    const adapter = withScriptFallback(await new PrismaPGlite(shadow).connect(), shadow);
    adapter.dispose = async () => {
      openInstances.delete(shadow);
      await shadow.close();
    };
    return adapter;
  }
}

// --- 4. one PGlite instance per directory ------------------------------------------------------

// On globalThis because the config loader may evaluate this module more than once per process.
const registry = ((globalThis as Record<symbol, unknown>)[Symbol.for('passerelle.db.cli.pglite')] ??= {
  byDir: new Map<string, Promise<PGlite>>(),
  open: new Set<PGlite>(),
  exitInstalled: false,
}) as { byDir: Map<string, Promise<PGlite>>; open: Set<PGlite>; exitInstalled: boolean };
const openInstances = registry.open;

function openPglite(dir: string): Promise<PGlite> {
  let instance = registry.byDir.get(dir);
  if (!instance) {
    instance = PGlite.create(dir).then((db) => (openInstances.add(db), db));
    registry.byDir.set(dir, instance);
  }
  return instance;
}

// --- 5. CLI exit -------------------------------------------------------------------------------

const LONG_TIMER_MS = 1000;

function installCliExit(): void {
  if (registry.exitInstalled) return;
  registry.exitInstalled = true;
  // PGlite's Postgres arms a 10 s timer (pgstat idle interval) that keeps the loop alive forever.
  // Nothing the CLI awaits depends on a timer this long, so unref them in this process only.
  const setTimeoutOrig = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = setTimeoutOrig(handler, ms, ...args);
    if ((ms ?? 0) >= LONG_TIMER_MS) timer.unref();
    return timer;
  }) as typeof setTimeout;
  // When the command is done the loop drains: close PGlite cleanly (final checkpoint), then exit.
  process.on('beforeExit', () => {
    if (openInstances.size === 0) return;
    const all = [...openInstances];
    openInstances.clear();
    registry.byDir.clear();
    void Promise.allSettled(all.map((db) => db.close()));
  });
}
