import { describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { loadRoleGrants, resolvePermissions, resolveRoles, type RoleGrantOverride } from './permissions.ts';
import { createOrganisation, createUser } from './test-helpers.ts';
import { ROLES } from './roles.ts';

const defaults = new Map<string, string[]>([
  ['citizen', ['ideas.idea.create', 'ideas.idea.vote']],
  ['association_member', ['epn.survey.submit']],
  ['staff', ['ideas.idea.moderate', 'core.organisation.manage']],
  ['admin', ['ideas.idea.moderate', 'core.user.manage']]
]);

describe('resolvePermissions', () => {
  it('is the union of the defaults of the roles held', () => {
    expect([...resolvePermissions({ roles: ['citizen', 'association_member'], defaults })].sort()).toEqual(['epn.survey.submit', 'ideas.idea.create', 'ideas.idea.vote']);
  });

  it('accepts a plain object as defaults', () => {
    expect([...resolvePermissions({ roles: ['staff'], defaults: { staff: ['a.b.c'] } })]).toEqual(['a.b.c']);
  });

  it('gives nothing for no roles (anonymous) and ignores unknown roles', () => {
    expect(resolvePermissions({ roles: [], defaults }).size).toBe(0);
    expect(resolvePermissions({ roles: ['nobody'], defaults }).size).toBe(0);
  });

  it('a granted override adds, a refused one removes, for that role only', () => {
    const overrides: RoleGrantOverride[] = [
      { role: 'citizen', permission: 'ideas.idea.vote', granted: false },
      { role: 'researcher', permission: 'barometer.data.export', granted: true },
      { role: 'staff', permission: 'ideas.idea.moderate', granted: false }
    ];
    const citizen = resolvePermissions({ roles: ['citizen'], defaults, overrides });
    expect(citizen.has('ideas.idea.vote')).toBe(false);
    expect(citizen.has('ideas.idea.create')).toBe(true);
    expect(resolvePermissions({ roles: ['citizen', 'researcher'], defaults, overrides }).has('barometer.data.export')).toBe(true);
    // Removed from staff, still held through admin.
    expect(resolvePermissions({ roles: ['staff'], defaults, overrides }).has('ideas.idea.moderate')).toBe(false);
    expect(resolvePermissions({ roles: ['staff', 'admin'], defaults, overrides }).has('ideas.idea.moderate')).toBe(true);
  });

  // Property-like checks over many random role sets, defaults and overrides (seeded, reproducible).
  describe('properties', () => {
    const PERMS = ['p.a.read', 'p.a.write', 'p.b.read', 'p.b.write', 'p.c.admin', 'q.x.y'];
    function rng(seed: number) {
      let s = seed >>> 0;
      return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    }
    const cases = Array.from({ length: 300 }, (_, i) => {
      const r = rng(i + 1);
      const pick = <T,>(xs: readonly T[]) => xs.filter(() => r() < 0.5);
      const defs = new Map(ROLES.map((role) => [role, pick(PERMS)] as const));
      const overrides = Array.from({ length: Math.floor(r() * 6) }, () => ({
        role: ROLES[Math.floor(r() * ROLES.length)]!,
        permission: PERMS[Math.floor(r() * PERMS.length)]!,
        granted: r() < 0.5
      }));
      // RoleGrant has one row per (role, permission): keep the last one.
      const unique = [...new Map(overrides.map((o) => [`${o.role}|${o.permission}`, o])).values()];
      return { roles: pick(ROLES), defs, overrides: unique };
    });

    it('without overrides, equals the union of the defaults', () => {
      for (const { roles, defs } of cases) {
        const expected = new Set(roles.flatMap((role) => defs.get(role) ?? []));
        expect(resolvePermissions({ roles, defaults: defs })).toEqual(expected);
      }
    });

    it('is monotonic: more roles never means fewer permissions', () => {
      for (const { roles, defs, overrides } of cases) {
        const fewer = resolvePermissions({ roles: roles.slice(0, -1), defaults: defs, overrides });
        const more = resolvePermissions({ roles, defaults: defs, overrides });
        for (const p of fewer) expect(more.has(p)).toBe(true);
      }
    });

    it('a granted override is always held and a refused one is held only through another role', () => {
      for (const { roles, defs, overrides } of cases) {
        const result = resolvePermissions({ roles, defaults: defs, overrides });
        for (const o of overrides) {
          if (!roles.includes(o.role)) continue;
          if (o.granted) expect(result.has(o.permission)).toBe(true);
          else {
            const viaOther = roles.some(
              (role) =>
                role !== o.role &&
                (overrides.some((x) => x.role === role && x.permission === o.permission && x.granted) ||
                  ((defs.get(role) ?? []).includes(o.permission) && !overrides.some((x) => x.role === role && x.permission === o.permission && !x.granted)))
            );
            expect(result.has(o.permission)).toBe(viaOther);
          }
        }
      }
    });

    it('does not depend on the order or repetition of roles', () => {
      for (const { roles, defs, overrides } of cases) {
        const a = resolvePermissions({ roles, defaults: defs, overrides });
        const b = resolvePermissions({ roles: [...roles, ...roles].reverse(), defaults: defs, overrides });
        expect(b).toEqual(a);
      }
    });
  });
});

describeEachDb('roles and role grants from the database', (ctx) => {
  it('everyone is a citizen; memberships add association_member; UserRole rows add global roles', async () => {
    const user = await createUser(ctx.getDb());
    expect(await resolveRoles({ db: ctx.getDb(), userId: user.id })).toEqual({ roles: ['citizen'], memberships: [] });

    const org = await createOrganisation(ctx.getDb());
    await ctx.getDb().membership.create({ data: { userId: user.id, organisationId: org.id, role: 'admin' } });
    await ctx.getDb().userRole.createMany({ data: [{ userId: user.id, role: 'staff' }, { userId: user.id, role: 'researcher' }, { userId: user.id, role: 'bogus' }] });
    expect(await resolveRoles({ db: ctx.getDb(), userId: user.id })).toEqual({
      roles: ['citizen', 'association_member', 'researcher', 'staff'],
      memberships: [{ organisationId: org.id, role: 'admin' }]
    });
  });

  it('loads RoleGrant overrides that resolvePermissions applies', async () => {
    await ctx.getDb().roleGrant.createMany({
      data: [
        { role: 'citizen', permission: 'ideas.idea.vote', granted: false },
        { role: 'researcher', permission: 'barometer.data.export', granted: true }
      ]
    });
    const overrides = await loadRoleGrants({ db: ctx.getDb() });
    expect(overrides).toEqual(
      expect.arrayContaining([
        { role: 'citizen', permission: 'ideas.idea.vote', granted: false },
        { role: 'researcher', permission: 'barometer.data.export', granted: true }
      ])
    );
    const perms = resolvePermissions({ roles: ['citizen', 'researcher'], defaults, overrides });
    expect([...perms].sort()).toEqual(['barometer.data.export', 'ideas.idea.create']);
  });
});
