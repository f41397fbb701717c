// The migrate path (CLI + workarounds) on both databases, from an empty database: deploy applies
// every migration, status then reports nothing pending, and the migrations match the schema.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrismaCli, type PrismaCliResult } from './cli/prisma-cli.ts';
import { COMMUNES } from './communes.ts';
import { createDb, type DbOptions } from './index.ts';
import { MIGRATIONS_DIR } from './paths.ts';
import { DB_KINDS, createEmptyTestTarget, createTestDb } from './testing.ts';

const MIGRATIONS = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const output = (r: PrismaCliResult) => `${r.stdout}\n${r.stderr}`;

describe.each(DB_KINDS)('migrations on an empty %s database', (kind) => {
  let target: { options: DbOptions; drop(): Promise<void> };
  let deploy: PrismaCliResult;
  beforeAll(async () => {
    target = await createEmptyTestTarget(kind);
    deploy = await runPrismaCli(['migrate', 'deploy'], { target: target.options });
  }, 180_000);
  afterAll(() => target?.drop());

  it('migrate deploy applies every migration, and the CLI exits', () => {
    expect(deploy.code, output(deploy)).toBe(0);
    for (const name of MIGRATIONS) expect(deploy.stdout).toContain(name);
    expect(deploy.stdout).toContain('All migrations have been successfully applied.');
  });

  it('migrate status reports the database up to date', async () => {
    const status = await runPrismaCli(['migrate', 'status'], { target: target.options });
    expect(status.code, output(status)).toBe(0);
    expect(status.stdout).toContain('Database schema is up to date!');
  });

  it('a second migrate deploy has nothing to apply', async () => {
    const again = await runPrismaCli(['migrate', 'deploy'], { target: target.options });
    expect(again.code, output(again)).toBe(0);
    expect(again.stdout).toContain('No pending migrations to apply.');
  });

  it('the migrations produce exactly the schema (migrate diff is empty)', async () => {
    // Replays the migrations on a shadow database of this kind (workarounds 2 and 3).
    const diff = await runPrismaCli(
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema', '--exit-code'],
      { target: target.options },
    );
    expect(diff.code, output(diff)).toBe(0); // --exit-code: 0 = empty, 2 = differences
    expect(diff.stdout).toContain('No difference detected.');
  });

  it('the 19 communes are there after migration', async () => {
    const { db, close } = await createDb(target.options);
    try {
      const rows = await db.commune.findMany({ orderBy: { nis: 'asc' } });
      expect(rows).toHaveLength(19);
      expect(rows).toEqual(COMMUNES.map((c) => expect.objectContaining(c)));
    } finally {
      await close();
    }
  });
});

describe.each(DB_KINDS)('createTestDb(%s)', (kind) => {
  it('gives a fresh, migrated database holding only the communes, deleted on close', async () => {
    const first = await createTestDb(kind);
    const second = await createTestDb(kind);
    try {
      expect(first.kind).toBe(kind);
      await first.db.organisation.create({ data: { name: 'Only in the first', slug: 'only-first' } });
      expect(await first.db.organisation.count()).toBe(1);
      expect(await second.db.organisation.count()).toBe(0);
      expect(await second.db.user.count()).toBe(0);
      expect(await second.db.commune.count()).toBe(19);
    } finally {
      await first.close();
      await second.close();
    }
    // Deleted: opening the same location again finds no migrated database.
    if (kind === 'pglite') {
      const { existsSync } = await import('node:fs');
      expect(existsSync(first.options.pgliteDir!)).toBe(false);
    } else {
      await expect(createDb(first.options)).rejects.toThrow(/does not exist/);
    }
  });
});
