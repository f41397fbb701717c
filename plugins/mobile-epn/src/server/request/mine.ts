import { withPermission } from '@passerelle/trpc';
import { myRequests } from '../../services/requests.ts';

/** The caller's requests (asked, or entered as a mediator), their status and the sessions planned. */
export const mine = withPermission('mobile-epn.request.create').query(({ ctx }) => myRequests({ db: ctx.db, actor: ctx.actor, locale: ctx.locale }));
