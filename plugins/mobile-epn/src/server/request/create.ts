import { withPermission } from '@passerelle/trpc';
import { createRequest } from '../../services/requests.ts';
import { ZCreateRequest } from './schemas.ts';

/** A venue contact (one of their venues, or a new one) or a citizen (a home visit) asks for a workshop. */
export const create = withPermission('mobile-epn.request.create')
  .input(ZCreateRequest)
  .mutation(({ ctx, input }) => createRequest({ db: ctx.db, actor: ctx.actor, input }));
