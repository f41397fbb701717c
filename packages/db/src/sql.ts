// Plain SQL beside Prisma, for the few hot paths where Prisma's own cost dominates (measured on these
// machines: a findUnique costs ~0.5 ms of CPU in Prisma 6's WebAssembly query compiler, a $queryRaw
// ~0.3 ms, the same statement through the pg driver ~0.1 ms; a vote or a session lookup is several
// statements). `sqlOf(db)` runs parameterised statements ($1, $2, …) straight on the connection the
// Prisma client sits on: the pg pool on PostgreSQL, the PGlite instance on the embedded database.
// Values come back the same on both: timestamps as Date (stored as UTC, like Prisma does), int8 as
// number, json as parsed values. For a client that was not opened here (a transaction's `tx`, a test
// double), it falls back to Prisma's $queryRawUnsafe, so results stay correct, only slower.
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Runs one parameterised statement and returns its rows. */
export type SqlQuery = <T = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

export interface Sql {
  query: SqlQuery;
  /** Runs `fn` inside one transaction (READ COMMITTED), on one connection; rolls back if it throws. */
  transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only (undefined on PGlite): streams the output of `COPY (…) TO STDOUT`, the fastest way
   * out of the database (pg-copy-streams). COPY takes no parameters: `build` gets `literal`, which quotes
   * a value as an SQL string literal with the server connection's own escaping.
   */
  copyOut?: (build: (literal: (value: string) => string) => string) => AsyncIterable<Buffer>;
  /**
   * Runs a script of several statements without parameters (the simple query protocol) and returns the
   * rows of the last one. For libraries that bring their own SQL (the pg-boss job queue's schema).
   * Undefined for a client that was not opened here.
   */
  script?: <T = Record<string, unknown>>(text: string) => Promise<T[]>;
}

const OID = { int8: 20, timestamp: 1114, timestamptz: 1184 } as const;

/** "2026-11-29 04:31:55.123" (timestamp without time zone, which Prisma writes in UTC) -> Date. */
function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/** Dates are sent as UTC ISO strings: pg would otherwise send the process's local time. */
function params(values: readonly unknown[] = []): unknown[] {
  return values.map((v) => (v instanceof Date ? v.toISOString() : v));
}

/** Type parsers for pg clients of this package's pools (Prisma's adapter sets its own per query). */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.timestamp) return utcTimestamp;
    if (oid === OID.int8) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format ?? 'text');
  }
};

const pgliteParsers = {
  [OID.timestamp]: utcTimestamp,
  [OID.timestamptz]: (text: string) => new Date(text),
  [OID.int8]: (text: string) => Number(text)
};

export function poolSql(pool: pg.Pool): Sql {
  return {
    async *copyOut(build) {
      const client = await pool.connect();
      let finished = false;
      try {
        const stream = client.query(copyTo(build((value) => client.escapeLiteral(value))));
        for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
        finished = true;
      } finally {
        // A COPY stopped half-way (the reader went away) leaves the connection mid-protocol: destroy it.
        client.release(finished ? undefined : true);
      }
    },
    query: async <T>(text: string, values?: readonly unknown[]) => (await pool.query(text, params(values))).rows as T[],
    async script<T>(text: string) {
      const result = (await pool.query(text)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? (result[result.length - 1]?.rows ?? []) : result.rows) as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn(async <T>(text: string, values?: readonly unknown[]) => (await client.query(text, params(values))).rows as T[]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
        throw error;
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: destroy it instead of reusing it.
        client.release(broken instanceof Error ? broken : undefined);
      }
    }
  };
}

export function pgliteSql(pglite: PGlite): Sql {
  const run =
    (on: PGlite | PGliteTransaction) =>
    async <T>(text: string, values?: readonly unknown[]) =>
      (await on.query<T>(text, params(values), { parsers: pgliteParsers })).rows;
  return {
    query: run(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(run(tx))),
    async script<T>(text: string) {
      const results = await pglite.exec(text, { parsers: pgliteParsers });
      return (results[results.length - 1]?.rows ?? []) as T[];
    }
  };
}

function prismaSql(db: PrismaClient): Sql {
  const run =
    (on: Pick<PrismaClient, '$queryRawUnsafe'>) =>
    async <T>(text: string, values?: readonly unknown[]) => {
      const rows = await on.$queryRawUnsafe<Record<string, unknown>[]>(text, ...(values ?? []));
      // Same shapes as the drivers: int8 arrives as bigint through Prisma.
      return rows.map((row) => {
        for (const k in row) if (typeof row[k] === 'bigint') row[k] = Number(row[k]);
        return row as T;
      });
    };
  const query = run(db);
  // A transaction's `tx` has no $transaction: its statements are already inside one.
  const transaction: Sql['transaction'] = (fn) => (typeof db.$transaction === 'function' ? db.$transaction((tx) => fn(run(tx))) : fn(query));
  return { query, transaction };
}

// On globalThis, like the process-wide client (index.ts): the built server bundles its own copy of this
// module, and must find the runner that scripts/start.ts registered when it opened the database.
const REGISTRY = Symbol.for('passerelle.db.sql');
const registry: WeakMap<object, Sql> = ((globalThis as { [REGISTRY]?: WeakMap<object, Sql> })[REGISTRY] ??= new WeakMap());

/** Called where a Prisma client is opened, so that sqlOf finds its driver. */
export function registerSql(db: object, sql: Sql): void {
  registry.set(db, sql);
}

/** The plain-SQL runner of a Prisma client (see the top of this file). */
export function sqlOf(db: object): Sql {
  const found = registry.get(db);
  if (found) return found;
  const fallback = prismaSql(db as PrismaClient);
  registry.set(db, fallback);
  return fallback;
}
