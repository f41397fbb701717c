import { withPermission } from '@passerelle/trpc';
import { mediateRequest } from '../../services/requests.ts';
import { ZMediateRequest } from './schemas.ts';

/** An EPN mediator asks for a workshop for a citizen without an account (limited per mediator per day; audited). */
export const mediate = withPermission('mobile-epn.request.mediate')
  .input(ZMediateRequest)
  .mutation(({ ctx, input }) => mediateRequest({ db: ctx.db, actor: ctx.actor, input }));
