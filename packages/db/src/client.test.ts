// The query features the app relies on, on both databases.
import { expect, it } from 'vitest';
import { Prisma } from './index.ts';
import { describeEachDb } from './testing.ts';

describeEachDb('Prisma client', ({ getDb }) => {
  it('creates rows with nested relations and reads them back with include', async () => {
    const db = getDb();
    const org = await db.organisation.create({
      data: { name: 'EPN test', slug: 'epn-test', communeNis: '21012' },
    });
    await db.user.create({
      data: {
        email: 'a@example.test',
        passwordHash: 'x',
        displayName: 'A',
        roles: { create: [{ role: 'staff' }, { role: 'researcher' }] },
        memberships: { create: { organisationId: org.id, role: 'admin' } },
      },
    });
    const users = await db.user.findMany({
      where: { email: 'a@example.test' },
      include: { roles: { orderBy: { role: 'asc' } }, memberships: { include: { organisation: { include: { commune: true } } } } },
    });
    expect(users).toHaveLength(1);
    expect(users[0]?.roles.map((r) => r.role)).toEqual(['researcher', 'staff']);
    expect(users[0]?.memberships[0]?.organisation.commune?.nameNl).toBe('Sint-Jans-Molenbeek');
    expect(users[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('stores JSON, arrays and dates faithfully', async () => {
    const db = getDb();
    const when = new Date('2026-03-01T10:20:30.456Z');
    const log = await db.auditLog.create({
      data: { action: 'test.json', data: { a: 1, nested: { b: [true, null, 'é'] } }, createdAt: when },
    });
    const back = await db.auditLog.findUniqueOrThrow({ where: { id: log.id } });
    expect(back.data).toEqual({ a: 1, nested: { b: [true, null, 'é'] } });
    expect(back.createdAt.toISOString()).toBe(when.toISOString());
    const brussels = await db.commune.findUniqueOrThrow({ where: { nis: '21004' } });
    expect(brussels.postalCodes).toEqual(['1000', '1020', '1120', '1130']);
  });

  it('aggregates and groups', async () => {
    const db = getDb();
    await db.rateLimiterFlexible.createMany({
      data: [
        { key: 'g1:a', points: 1 },
        { key: 'g1:b', points: 2 },
        { key: 'g2:a', points: 10 },
      ],
    });
    const agg = await db.rateLimiterFlexible.aggregate({ _sum: { points: true }, _max: { points: true }, _count: true });
    expect(agg).toMatchObject({ _sum: { points: 13 }, _max: { points: 10 }, _count: 3 });

    await db.organisation.createMany({
      data: [
        { name: 'O1', slug: 'o1', kind: 'association', communeNis: '21015' },
        { name: 'O2', slug: 'o2', kind: 'association', communeNis: '21015' },
        { name: 'O3', slug: 'o3', kind: 'commune', communeNis: '21001' },
      ],
    });
    const groups = await db.organisation.groupBy({
      by: ['communeNis'],
      where: { slug: { in: ['o1', 'o2', 'o3'] } },
      _count: { _all: true },
      orderBy: { communeNis: 'asc' },
    });
    expect(groups).toEqual([
      { communeNis: '21001', _count: { _all: 1 } },
      { communeNis: '21015', _count: { _all: 2 } },
    ]);
  });

  it('commits interactive transactions and rolls them back on error', async () => {
    const db = getDb();
    await db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: 'tx.commit', value: { on: true } } });
      expect(await tx.setting.count({ where: { key: 'tx.commit' } })).toBe(1);
    });
    expect(await db.setting.findUnique({ where: { key: 'tx.commit' } })).not.toBeNull();

    await expect(
      db.$transaction(async (tx) => {
        await tx.setting.create({ data: { key: 'tx.rollback', value: 1 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.setting.findUnique({ where: { key: 'tx.rollback' } })).toBeNull();
  });

  it('runs batch transactions and parameterised raw SQL', async () => {
    const db = getDb();
    const [count, communes] = await db.$transaction([
      db.commune.count(),
      db.$queryRaw<{ nis: string }[]>`SELECT nis FROM core_commune WHERE ${'1030'} = ANY("postalCodes")`,
    ]);
    expect(count).toBe(19);
    expect(communes).toEqual([{ nis: '21015' }]);
  });

  it('reports constraint violations with the same Prisma error codes', async () => {
    const db = getDb();
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'no error',
        (e: unknown) => (e instanceof Prisma.PrismaClientKnownRequestError ? e.code : `not a known request error: ${String(e)}`),
      );
    await db.organisation.create({ data: { name: 'U', slug: 'unique-slug' } });
    expect(await codeOf(db.organisation.create({ data: { name: 'U2', slug: 'unique-slug' } }))).toBe('P2002');
    expect(await codeOf(db.organisation.create({ data: { name: 'F', slug: 'fk', communeNis: '99999' } }))).toBe('P2003');
    expect(await codeOf(db.organisation.update({ where: { slug: 'missing' }, data: { name: 'x' } }))).toBe('P2025');
    // Inside an interactive transaction too (transactions have their own error path).
    expect(
      await codeOf(db.$transaction((tx) => tx.organisation.create({ data: { name: 'U3', slug: 'unique-slug' } }))),
    ).toBe('P2002');
  });
});
