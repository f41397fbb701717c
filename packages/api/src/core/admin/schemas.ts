import { z } from 'zod';
import { ROLES } from '@passerelle/trpc';
import { ZEmail } from '../account/schemas.ts';
import { ZId, ZOrgRole } from '../organisation/schemas.ts';
import { GRANTABLE_ROLES } from '../services/users.ts';

export const ZListUsersInput = z.object({
  query: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25)
});
export const ZSetRoleInput = z.object({ userId: ZId, role: z.enum(GRANTABLE_ROLES), granted: z.boolean() });
export const ZSetDisabledInput = z.object({ userId: ZId, disabled: z.boolean() });
export const ZCreateOrganisationInput = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(['association', 'commune', 'other']).default('association'),
  communeNis: z.string().regex(/^21\d{3}$/).nullish()
});
export const ZAddMemberInput = z.object({ organisationId: ZId, email: ZEmail, role: ZOrgRole.default('member') });
export const ZRemoveMemberInput = z.object({ organisationId: ZId, userId: ZId });
export const ZSetPluginInput = z.object({ pluginId: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), enabled: z.boolean() });
export const ZSetGrantInput = z.object({ role: z.enum(ROLES), permission: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9_-]+\.[a-z0-9_-]+$/).max(120), granted: z.boolean() });
export const ZAuditListInput = z.object({ cursor: z.string().max(64).optional(), action: z.string().max(100).optional(), limit: z.number().int().min(1).max(200).default(50) });
