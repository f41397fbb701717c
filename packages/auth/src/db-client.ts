import type { Db } from '@passerelle/db';

/**
 * Anything that runs queries: the client itself or the `tx` of an interactive transaction.
 * Services that only issue single queries (audit, tokens) accept this, so callers may pass `tx`
 * and make them part of their own transaction. Services that open a transaction take `Db`.
 */
export type DbClient = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | '$use'>;

/**
 * True when a Prisma error is a unique-constraint violation: P2002 through adapter-pg; through
 * pglite-prisma-adapter 0.6.1 it arrives as a raw DriverAdapterError whose cause is SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; cause?: { code?: unknown; kind?: unknown } };
  return e.code === 'P2002' || e.cause?.code === '23505' || e.cause?.kind === 'UniqueConstraintViolation';
}
