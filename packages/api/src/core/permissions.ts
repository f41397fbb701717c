import type { Permission } from '@passerelle/plugin-sdk';

/** Permissions of the core (not a plugin): same shape as a manifest's, so one resolver serves both. */
export const CORE_PERMISSIONS = [
  { id: 'core.user.manage', defaultRoles: ['admin'] },
  { id: 'core.organisation.manage', defaultRoles: ['admin', 'staff'] },
  { id: 'core.organisation.invite', defaultRoles: ['association_member', 'staff', 'admin'] },
  { id: 'core.plugin.manage', defaultRoles: ['admin'] },
  { id: 'core.role.manage', defaultRoles: ['admin'] },
  { id: 'core.audit.read', defaultRoles: ['admin'] }
] as const satisfies readonly Permission[];

export const coreManifest = { id: 'core', permissions: CORE_PERMISSIONS };
