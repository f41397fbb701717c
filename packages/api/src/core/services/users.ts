import type { Db } from '@passerelle/db';
import { AppError, type Role } from '@passerelle/trpc';
import { audit } from '@passerelle/auth';

/** Roles an admin grants directly; association membership comes from organisations. */
export const GRANTABLE_ROLES = ['researcher', 'staff', 'admin'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export async function listUsers({ db, query, page, pageSize }: { db: Db; query?: string; page: number; pageSize: number }) {
  const where = query
    ? { OR: [{ email: { contains: query, mode: 'insensitive' as const } }, { displayName: { contains: query, mode: 'insensitive' as const } }] }
    : {};
  const [total, users] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        email: true,
        displayName: true,
        emailVerifiedAt: true,
        disabledAt: true,
        isDemo: true,
        createdAt: true,
        roles: { select: { role: true } },
        memberships: { select: { role: true, organisation: { select: { id: true, name: true } } } }
      }
    })
  ]);
  return {
    total,
    page,
    pageSize,
    users: users.map((u) => ({ ...u, roles: u.roles.map((r) => r.role) }))
  };
}

export async function setUserRole({ db, actorId, userId, role, granted }: { db: Db; actorId: string; userId: string; role: GrantableRole; granted: boolean }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError('NOT_FOUND');
  if (!granted && role === 'admin' && userId === actorId) {
    // An admin cannot remove their own admin role: the platform must never be left without one by accident.
    throw new AppError('CONFLICT', 'cannot remove own admin role');
  }
  await db.$transaction(async (tx) => {
    if (granted) await tx.userRole.upsert({ where: { userId_role: { userId, role } }, create: { userId, role }, update: {} });
    else await tx.userRole.deleteMany({ where: { userId, role } });
    await audit({ db: tx as Db, actorId, action: granted ? 'user.role.grant' : 'user.role.revoke', targetType: 'user', targetId: userId, data: { role } });
  });
}

export async function setUserDisabled({ db, actorId, userId, disabled }: { db: Db; actorId: string; userId: string; disabled: boolean }) {
  if (userId === actorId) throw new AppError('CONFLICT', 'cannot disable self');
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await audit({ db: tx as Db, actorId, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId });
  });
}
