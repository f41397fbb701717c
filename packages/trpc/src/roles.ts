// The platform roles. No tRPC import here, so plain services (packages/auth, plugins) can use them.

export const ROLES = ['citizen', 'association_member', 'researcher', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles stored as UserRole rows. citizen is implicit; association_member comes from memberships. */
export const GLOBAL_ROLES = ['researcher', 'staff', 'admin'] as const satisfies readonly Role[];

/** A member's role inside an organisation: an organisation "admin" may invite members. */
export const ORG_ROLES = ['member', 'admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isOrgRole(value: string): value is OrgRole {
  return (ORG_ROLES as readonly string[]).includes(value);
}
