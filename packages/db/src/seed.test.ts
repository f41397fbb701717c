import { verify } from '@node-rs/argon2';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo.ts';
import type { Db } from './index.ts';
import { seedDemo } from './seed.ts';
import { describeEachDb } from './testing.ts';

async function counts(db: Db) {
  return {
    users: await db.user.count(),
    roles: await db.userRole.count(),
    organisations: await db.organisation.count(),
    memberships: await db.membership.count(),
    communes: await db.commune.count(),
  };
}

describeEachDb('seedDemo', ({ getDb }) => {
  it('is idempotent: a second run changes no counts and keeps the password hashes', async () => {
    const db = getDb();
    await seedDemo(db);
    const first = await counts(db);
    const hashes = await db.user.findMany({ select: { email: true, passwordHash: true }, orderBy: { email: 'asc' } });
    await seedDemo(db);
    expect(await counts(db)).toEqual(first);
    expect(first).toEqual({ users: 5, roles: 3, organisations: 3, memberships: 1, communes: 19 });
    expect(await db.user.findMany({ select: { email: true, passwordHash: true }, orderBy: { email: 'asc' } })).toEqual(hashes);
  });

  it('creates one verified demo user per role, with argon2id hashes of the documented password', async () => {
    const db = getDb();
    expect(DEMO_ACCOUNTS.map((a) => a.role)).toEqual(['citizen', 'association_member', 'researcher', 'staff', 'admin']);
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { roles: true, memberships: { include: { organisation: true } } },
      });
      expect(user.isDemo).toBe(true);
      expect(user.emailVerifiedAt).toBeInstanceOf(Date);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(user.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(user.roles.map((r) => r.role)).toEqual(account.globalRoles);
      if (account.role === 'association_member') {
        expect(user.memberships).toHaveLength(1);
        expect(user.memberships[0]).toMatchObject({ role: 'admin', organisation: { slug: DEMO_ORGANISATIONS[0]?.slug } });
      } else {
        expect(user.memberships).toEqual([]);
      }
    }
  });

  it('marks the demo organisations as demo data', async () => {
    const orgs = await getDb().organisation.findMany({ include: { commune: true }, orderBy: { slug: 'asc' } });
    expect(orgs).toHaveLength(3);
    for (const org of orgs) {
      expect(org.isDemo).toBe(true);
      expect(org.name).toContain('(démo)');
      expect(org.commune).not.toBeNull();
    }
    expect(orgs.map((o) => o.commune?.nameFr).sort()).toEqual(['Anderlecht', 'Molenbeek-Saint-Jean', 'Schaerbeek']);
  });
});
