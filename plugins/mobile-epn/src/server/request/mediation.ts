import { withPermission } from '@passerelle/trpc';
import { mediationVenues, mediatorToday } from '../../services/requests.ts';

/** What the mediator form needs: public venues to choose from, and what is left of today's limit. */
export const mediation = withPermission('mobile-epn.request.mediate').query(async ({ ctx }) => ({
  venues: await mediationVenues({ db: ctx.db, locale: ctx.locale }),
  today: await mediatorToday({ db: ctx.db, actor: ctx.actor })
}));
