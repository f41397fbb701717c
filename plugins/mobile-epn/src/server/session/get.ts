import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { getSession } from '../../services/sessions.ts';

/** A session's details: coordinators, and the trainers assigned to it (the service checks which). */
export const get = withPermission('mobile-epn.session.train')
  .input(z.object({ id: z.string().min(1, { message: 'mobile_epn_sched_error_id' }).max(64, { message: 'mobile_epn_sched_error_id' }) }))
  .query(({ ctx, input }) => getSession({ db: ctx.db, actor: ctx.actor, id: input.id }));
