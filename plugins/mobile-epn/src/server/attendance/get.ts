import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { getAttendance } from '../../services/attendance.ts';

export const ZGetAttendance = z.object({ sessionId: z.string().min(1).max(64) });

/** The attendance form of a session: its trainers (checked by the service) and coordinators. */
export const get = withPermission('mobile-epn.session.train')
  .meta({ access: 'permission', permission: 'mobile-epn.session.train', scoped: true })
  .input(ZGetAttendance)
  .query(({ ctx, input }) => getAttendance({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId, locale: ctx.locale, bridges: ctx.bridges }));
