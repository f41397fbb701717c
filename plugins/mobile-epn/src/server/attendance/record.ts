import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { recordAttendance } from '../../services/attendance.ts';

// Loose here, checked by the service (ZAttendance), whose messages explain each field.
export const ZRecordAttendance = z.object({
  sessionId: z.string().min(1).max(64),
  attendance: z.object({
    present: z.array(z.object({ registrationId: z.string().max(64), ageBand: z.string().max(20).nullable().optional(), gender: z.string().max(20).nullable().optional() })).max(1000).optional(),
    walkIns: z.record(z.string().max(20), z.record(z.string().max(20), z.unknown())).optional(),
    topics: z.array(z.string().max(40)).max(100).optional(),
    note: z.string().max(5000).optional()
  })
});

/** Records (or corrects) a session's attendance and its activity report in epn-survey. */
export const record = withPermission('mobile-epn.session.train')
  .meta({ access: 'permission', permission: 'mobile-epn.session.train', scoped: true })
  .input(ZRecordAttendance)
  .mutation(({ ctx, input }) => recordAttendance({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId, input: input.attendance, bridges: ctx.bridges }));
