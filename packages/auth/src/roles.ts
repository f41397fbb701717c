// The roles are defined once, in the tRPC-free part of @passerelle/trpc.
export { GLOBAL_ROLES, ORG_ROLES, ROLES, isOrgRole, isRole, type OrgRole, type Role } from '@passerelle/trpc/roles';
