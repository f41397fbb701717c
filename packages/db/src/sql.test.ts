// sqlOf: plain SQL on the connection under the Prisma client, with the same values as Prisma on both
// databases, and a fallback through Prisma for clients it did not open.
import { expect, it } from 'vitest';
import { sqlOf } from './index.ts';
import { describeEachDb } from './testing.ts';

describeEachDb('sqlOf', ({ getDb, kind }) => {
  it('reads what Prisma wrote, with the same dates, numbers and JSON', async () => {
    const db = getDb();
    const when = new Date('2026-03-29T01:59:59.123Z'); // the night Brussels moves to summer time
    const log = await db.auditLog.create({ data: { action: 'sql.read', data: { a: [1, 'é'] }, createdAt: when } });
    const rows = await sqlOf(db).query<{ id: string; createdAt: Date; data: unknown; n: number }>(
      'SELECT "id", "createdAt", "data", (SELECT COUNT(*) FROM "core_audit_log" WHERE "action" = $1) AS n FROM "core_audit_log" WHERE "id" = $2',
      ['sql.read', log.id]
    );
    expect(rows).toEqual([{ id: log.id, createdAt: when, data: { a: [1, 'é'] }, n: 1 }]);
  });

  it('writes dates that Prisma reads back unchanged', async () => {
    const db = getDb();
    const when = new Date('2026-10-25T00:30:00.000Z');
    const [row] = await sqlOf(db).query<{ id: string }>(
      `INSERT INTO "core_audit_log" ("id", "action", "data", "createdAt") VALUES (gen_random_uuid()::text, $1, $2::jsonb, $3) RETURNING "id"`,
      ['sql.write', JSON.stringify({ ok: true }), when]
    );
    const back = await db.auditLog.findUniqueOrThrow({ where: { id: row!.id } });
    expect(back.createdAt.toISOString()).toBe(when.toISOString());
    expect(back.data).toEqual({ ok: true });
  });

  it('commits a transaction, or rolls all of it back when it throws', async () => {
    const db = getDb();
    const sql = sqlOf(db);
    const insert = `INSERT INTO "core_audit_log" ("id", "action", "data") VALUES (gen_random_uuid()::text, $1, '{}'::jsonb)`;
    await sql.transaction(async (q) => {
      await q(insert, ['sql.tx.kept']);
      await q(insert, ['sql.tx.kept']);
    });
    await expect(
      sql.transaction(async (q) => {
        await q(insert, ['sql.tx.lost']);
        throw new Error('stop');
      })
    ).rejects.toThrow('stop');
    expect(await db.auditLog.count({ where: { action: 'sql.tx.kept' } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: 'sql.tx.lost' } })).toBe(0);
    // The connection is usable again after the rollback.
    expect(await sql.query<{ one: number }>('SELECT 1::int8 AS one')).toEqual([{ one: 1 }]);
  });

  it('runs inside a Prisma transaction through the fallback', async () => {
    const db = getDb();
    await db.$transaction(async (tx) => {
      const q = sqlOf(tx);
      await q.query(`INSERT INTO "core_audit_log" ("id", "action", "data") VALUES (gen_random_uuid()::text, $1, '{}'::jsonb)`, ['sql.fallback']);
      const [row] = await q.transaction((query) => query<{ n: number }>('SELECT COUNT(*) AS n FROM "core_audit_log" WHERE "action" = $1', ['sql.fallback']));
      expect(row).toEqual({ n: 1 });
    });
  });

  it('streams COPY output on PostgreSQL (values quoted as literals), and has no copyOut on PGlite', async () => {
    const db = getDb();
    const sql = sqlOf(db);
    expect(Boolean(sql.copyOut)).toBe(kind === 'postgres');
    if (!sql.copyOut) return;
    const tricky = "O'Brien; DROP TABLE x; --";
    let out = '';
    for await (const chunk of sql.copyOut((literal) => `COPY (SELECT ${literal(tricky)} AS a, 2 AS b) TO STDOUT WITH (FORMAT csv, HEADER true)`)) out += chunk.toString('utf8');
    expect(out).toBe(`a,b\n${tricky},2\n`);
    // A reader that stops early leaves the pool usable.
    const it = sql.copyOut(() => 'COPY (SELECT g FROM generate_series(1, 200000) g) TO STDOUT')[Symbol.asyncIterator]();
    await it.next();
    await it.return?.(undefined);
    expect(await sql.query<{ n: number }>('SELECT 1::int8 AS n')).toEqual([{ n: 1 }]);
  });
});
