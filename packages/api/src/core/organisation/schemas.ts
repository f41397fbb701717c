import { z } from 'zod';
import { ZEmail, ZToken } from '../account/schemas.ts';

export const ZId = z.string().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/);
export const ZOrgRole = z.enum(['member', 'admin']);
export const ZInviteInput = z.object({ organisationId: ZId, email: ZEmail, role: ZOrgRole.default('member') });
export const ZAcceptInvitationInput = z.object({ token: ZToken });
