// Test helpers for every package's Vitest tests. Each test file gets fresh databases of both kinds:
//
//   import { describeEachDb } from '@passerelle/db/testing';
//   describeEachDb('ideas service', ({ getDb, kind }) => {
//     it('creates an idea', async () => { const db = getDb(); ... });
//   });
//
// PostgreSQL is required (TEST_DATABASE_URL, default postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test):
// if it is unreachable the tests fail, they are never skipped. Add the global setup to vitest.config.ts
// (see README) so that the migrated templates are built once, before the workers start.
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db, DbKind } from './index.ts';
import { createTestDb, type TestDb } from './test-databases.ts';

export {
  DB_KINDS,
  DEFAULT_TEST_DATABASE_URL,
  createEmptyTestTarget,
  createTestDb,
  testDatabaseUrl,
  type TestDb,
} from './test-databases.ts';
export { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo.ts';


export interface DbTestContext {
  /** The database of this block; valid inside tests and hooks (opened in beforeAll). */
  getDb(): Db;
  kind: DbKind;
}

/** Runs the block once per database kind, each on its own fresh database (created in beforeAll,
 *  deleted in afterAll). Tests inside one block share that database. */
export function describeEachDb(name: string, fn: (ctx: DbTestContext) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    describe(`${name} [${kind}]`, () => {
      let testDb: TestDb | undefined;
      beforeAll(async () => {
        testDb = await createTestDb(kind);
      }, 120_000);
      afterAll(async () => {
        await testDb?.close();
      }, 60_000);
      fn({
        kind,
        getDb: () => {
          if (!testDb) throw new Error('getDb() is only available inside tests and hooks (after beforeAll).');
          return testDb.db;
        },
      });
    });
  }
}
