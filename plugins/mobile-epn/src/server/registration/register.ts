import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { registerResident } from '../../services/registrations.ts';

// Loose here, checked field by field by the service (ZResident), whose messages explain each field.
export const ZRegisterInput = z.object({
  sessionId: z.string().min(1).max(64),
  resident: z.object({ name: z.string().max(1000), ageBand: z.string().max(20).nullable().optional(), gender: z.string().max(20).nullable().optional() })
});

/** A venue's contact (or a coordinator) registers a resident without an account: a seat, or the waiting list. */
export const register = withPermission('mobile-epn.registration.manage')
  .meta({ access: 'permission', permission: 'mobile-epn.registration.manage', scoped: true })
  .input(ZRegisterInput)
  .mutation(({ ctx, input }) => registerResident({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId, resident: { name: input.resident.name, ageBand: input.resident.ageBand || null, gender: input.resident.gender || null } }));
