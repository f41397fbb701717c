import type { Db } from '@passerelle/db';
import { AppError, ROLES, type Role } from '@passerelle/trpc';
import { audit } from '@passerelle/auth';
import { invalidate } from './settings-cache.ts';

/** Every known permission with, per role, the manifest default and the effective grant. */
export async function listRoleGrants({ db, defaults }: { db: Db; defaults: ReadonlyMap<Role, ReadonlySet<string>> }) {
  const overrides = await db.roleGrant.findMany();
  const all = new Set<string>();
  for (const set of defaults.values()) for (const p of set) all.add(p);
  return [...all].sort().map((permission) => ({
    permission,
    roles: ROLES.map((role) => {
      const byDefault = defaults.get(role)?.has(permission) ?? false;
      const override = overrides.find((o) => o.role === role && o.permission === permission);
      return { role, byDefault, granted: override ? override.granted : byDefault, overridden: !!override };
    })
  }));
}

/** Grant or withhold a permission for a role; setting it back to the manifest default removes the override. */
export async function setRoleGrant({ db, actorId, defaults, role, permission, granted }: { db: Db; actorId: string; defaults: ReadonlyMap<Role, ReadonlySet<string>>; role: Role; permission: string; granted: boolean }) {
  const known = [...defaults.values()].some((set) => set.has(permission));
  if (!known) throw new AppError('NOT_FOUND', 'unknown permission');
  const byDefault = defaults.get(role)?.has(permission) ?? false;
  await db.$transaction(async (tx) => {
    if (granted === byDefault) await tx.roleGrant.deleteMany({ where: { role, permission } });
    else await tx.roleGrant.upsert({ where: { role_permission: { role, permission } }, create: { role, permission, granted }, update: { granted } });
    await audit({ db: tx as Db, actorId, action: granted ? 'role.grant' : 'role.revoke', targetType: 'role', targetId: role, data: { permission } });
  });
  invalidate(db);
}
