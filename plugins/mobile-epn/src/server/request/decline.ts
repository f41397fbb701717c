import { withPermission } from '@passerelle/trpc';
import { declineRequest } from '../../services/requests.ts';
import { ZDecline } from './schemas.ts';

/** A coordinator declines a new request with a reason; the requester is told by email in their language. */
export const decline = withPermission('mobile-epn.schedule.manage')
  .input(ZDecline)
  .mutation(({ ctx, input }) => declineRequest({ db: ctx.db, actor: ctx.actor, id: input.id, reason: input.reason, origin: ctx.origin, sendMail: ctx.sendMail }));
