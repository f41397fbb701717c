import type { DbClient } from './db-client.ts';
import { GLOBAL_ROLES, isOrgRole, ROLES, type OrgRole, type Role } from './roles.ts';

export interface ResolvedRoles {
  /** In the order of ROLES, without duplicates; always includes citizen. */
  roles: Role[];
  memberships: { organisationId: string; role: OrgRole }[];
}

/**
 * A user's roles: citizen for everyone, association_member when they belong to at least one
 * organisation, and researcher/staff/admin from UserRole rows (unknown role names are ignored).
 */
export async function resolveRoles({ db, userId }: { db: DbClient; userId: string }): Promise<ResolvedRoles> {
  const [userRoles, memberships] = await Promise.all([
    db.userRole.findMany({ where: { userId }, select: { role: true } }),
    db.membership.findMany({ where: { userId }, select: { organisationId: true, role: true }, orderBy: [{ createdAt: 'asc' }, { organisationId: 'asc' }] })
  ]);
  return rolesFrom(userRoles.map((r) => r.role), memberships);
}

/** The same, from rows already read (validateSession reads them with the session). */
export function rolesFrom(userRoles: readonly string[], memberships: readonly { organisationId: string; role: string }[]): ResolvedRoles {
  const held = new Set<string>(['citizen']);
  if (memberships.length > 0) held.add('association_member');
  for (const role of userRoles) if ((GLOBAL_ROLES as readonly string[]).includes(role)) held.add(role);
  return {
    roles: ROLES.filter((r) => held.has(r)),
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: isOrgRole(m.role) ? m.role : 'member' }))
  };
}

export interface RoleGrantOverride {
  role: string;
  permission: string;
  /** true grants the permission to the role, false takes it away. */
  granted: boolean;
}

/** role -> permissions, as a Map (the tRPC context's shape) or a plain object. */
export type PermissionDefaults =
  | ReadonlyMap<string, Iterable<string>>
  | Readonly<Partial<Record<string, Iterable<string>>>>;

/**
 * The permissions of someone holding `roles`: for each role, its manifest defaults plus the admin
 * overrides for that role (granted adds, not granted removes), then the union over the roles.
 * An override only affects its own role: removing P from staff does not take P from an admin.
 */
export function resolvePermissions({ roles, defaults, overrides = [] }: { roles: readonly string[]; defaults: PermissionDefaults; overrides?: readonly RoleGrantOverride[] }): Set<string> {
  const byRole = defaults instanceof Map ? (defaults as ReadonlyMap<string, Iterable<string>>) : null;
  const result = new Set<string>();
  for (const role of new Set(roles)) {
    const own = new Set<string>(byRole ? (byRole.get(role) ?? []) : ((defaults as Record<string, Iterable<string> | undefined>)[role] ?? []));
    for (const o of overrides) {
      if (o.role !== role) continue;
      if (o.granted) own.add(o.permission);
      else own.delete(o.permission);
    }
    for (const p of own) result.add(p);
  }
  return result;
}

/** Every admin override (RoleGrant row). */
export async function loadRoleGrants({ db }: { db: DbClient }): Promise<RoleGrantOverride[]> {
  return db.roleGrant.findMany({ select: { role: true, permission: true, granted: true }, orderBy: [{ role: 'asc' }, { permission: 'asc' }] });
}
