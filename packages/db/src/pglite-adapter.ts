// The runtime PGlite driver adapter, with PostgreSQL errors mapped like @prisma/adapter-pg does.
// pglite-prisma-adapter 0.6.1 (the last release for Prisma 6) reports every database error as
// { kind: 'postgres', code }, which Prisma 6.19's query compiler no longer translates: a unique
// violation surfaced as a raw DriverAdapterError instead of P2002. Mapping the SQLSTATE codes to
// Prisma's error kinds makes PGlite behave like PostgreSQL (P2002, P2003, P2011, P2034, ...).
// Pinned with pglite-prisma-adapter 0.6.1; src/client.test.ts checks it on both databases.
import type { PGlite } from '@electric-sql/pglite';
import type { Prisma } from '@prisma/client';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;

/** Prisma recognises adapter errors by this shape (name + cause object), not by class. */
class DriverAdapterError extends Error {
  override name = 'DriverAdapterError';
  constructor(override cause: Record<string, unknown>) {
    super(typeof cause.message === 'string' ? cause.message : String(cause.kind));
  }
}

interface PgError {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  hint?: string;
}

const isPgError = (e: unknown): e is PgError =>
  typeof (e as PgError | null)?.code === 'string' && typeof (e as PgError).message === 'string';

/** The same mapping as @prisma/adapter-pg 6.19.3 (convertDriverError). */
function mapPgError(error: PgError): Record<string, unknown> {
  const keyFields = () => error.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(', ');
  const quoted = (text: string | undefined) => text?.split('"')[1];
  const base = { originalCode: error.code, originalMessage: error.message };
  switch (error.code) {
    case '22001':
      return { ...base, kind: 'LengthMismatch', column: error.column };
    case '22003':
      return { ...base, kind: 'ValueOutOfRange', cause: error.message };
    case '23505': {
      const fields = keyFields();
      return { ...base, kind: 'UniqueConstraintViolation', constraint: fields ? { fields } : undefined };
    }
    case '23502': {
      const fields = keyFields();
      return { ...base, kind: 'NullConstraintViolation', constraint: fields ? { fields } : undefined };
    }
    case '23503': {
      const constraint = error.column
        ? { fields: [error.column] }
        : error.constraint
          ? { index: error.constraint }
          : undefined;
      return { ...base, kind: 'ForeignKeyConstraintViolation', constraint };
    }
    case '40001':
      return { ...base, kind: 'TransactionWriteConflict' };
    case '42P01':
      return { ...base, kind: 'TableDoesNotExist', table: quoted(error.message.split(' ')[1]) };
    case '42703':
      return { ...base, kind: 'ColumnNotFound', column: quoted(error.message.split(' ')[1]) };
    default:
      return {
        ...base,
        kind: 'postgres',
        code: error.code,
        severity: error.severity ?? 'N/A',
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      };
  }
}

type SqlQuery = { sql: string; args: unknown[]; argTypes?: ({ scalarType?: string; arity?: string } | undefined)[] };
type Queryable = {
  onError(error: unknown): never;
  startTransaction?: (...a: unknown[]) => Promise<object>;
  queryRaw?: (q: SqlQuery) => Promise<unknown>;
  executeRaw?: (q: SqlQuery) => Promise<unknown>;
};

/**
 * Prisma 6.19 sends Bytes arguments as base64 strings and leaves decoding to the adapter (as
 * @prisma/adapter-pg does); pglite-prisma-adapter 0.6 predates that, and PGlite refuses a string for
 * bytea. Decode them here.
 */
function decodeBytes(query: SqlQuery): SqlQuery {
  const types = query.argTypes;
  if (!types?.some((t) => t?.scalarType === 'bytes')) return query;
  const decode = (v: unknown): unknown => (typeof v === 'string' ? Buffer.from(v, 'base64') : Array.isArray(v) ? v.map(decode) : v);
  return { ...query, args: query.args.map((arg, i) => (types[i]?.scalarType === 'bytes' ? decode(arg) : arg)) };
}

/** Replaces the adapter's error conversion (an instance property wins over the prototype's) and decodes Bytes arguments. */
function mapErrors<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  for (const method of ['queryRaw', 'executeRaw'] as const) {
    const fn = target[method]?.bind(target);
    if (fn) target[method] = (q: SqlQuery) => fn(decodeBytes(q));
  }
  const original = target.onError.bind(target);
  target.onError = (error: unknown): never => {
    if (isPgError(error)) throw new DriverAdapterError(mapPgError(error));
    return original(error);
  };
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args) => mapErrors(await startTransaction(...args));
  return queryable;
}

class MappedPrismaPGlite extends PrismaPGlite {
  override async connect() {
    return mapErrors(await super.connect());
  }
}

/** A Prisma driver adapter factory for this PGlite instance. */
export function pgliteAdapter(client: PGlite): AdapterFactory {
  // Typed against driver-adapter-utils 6.10 (argTypes changed shape since); at run time it
  // implements what Prisma 6.19 calls (it ignores argTypes).
  return new MappedPrismaPGlite(client) as unknown as AdapterFactory;
}
