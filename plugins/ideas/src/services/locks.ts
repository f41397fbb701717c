import type { Db } from '@passerelle/db';

/**
 * Serialises transactions that share `key` (a PostgreSQL transaction-level advisory lock, released at
 * commit or rollback). Used where a limit spans several rows: ideas per person, contributions per
 * mediator per day.
 */
export async function lockKey(tx: Db, key: string): Promise<void> {
  // $executeRaw: the function returns void, which the driver adapters cannot read back as a value.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
