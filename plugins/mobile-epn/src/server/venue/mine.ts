import { withPermission } from '@passerelle/trpc';
import { myVenues } from '../../services/venues.ts';

/** A venue contact: the venues whose contact they are (where they can ask for workshops). */
export const mine = withPermission('mobile-epn.request.create').query(({ ctx }) => myVenues({ db: ctx.db, actor: ctx.actor, locale: ctx.locale }));
