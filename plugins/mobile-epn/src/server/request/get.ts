import { withPermission } from '@passerelle/trpc';
import { getRequest } from '../../services/requests.ts';
import { ZRequestId } from './schemas.ts';

/** A coordinator, or the person who asked (or the mediator who entered it). */
export const get = withPermission('mobile-epn.request.create')
  .meta({ access: 'permission', permission: 'mobile-epn.request.create', scoped: true })
  .input(ZRequestId)
  .query(({ ctx, input }) => getRequest({ db: ctx.db, actor: ctx.actor, id: input.id, locale: ctx.locale }));
