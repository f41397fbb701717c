import { withPermission } from '@passerelle/trpc';
import { activityDashboard, visitorProfile } from '../../services/dashboard.ts';
import { suppressionThreshold } from '../../services/settings.ts';
import { ZRegionDashboard } from './schemas.ts';

/** The same across every EPN of the region, with activity by commune: staff and researchers. */
export const region = withPermission('epn-survey.dashboard.region')
  .input(ZRegionDashboard)
  .query(async ({ ctx, input }) => {
    const scope = { organisationIds: null, year: input.year };
    const threshold = await suppressionThreshold(ctx.db);
    const [activity, profile, places] = await Promise.all([
      activityDashboard({ db: ctx.db, scope, locale: ctx.locale }),
      visitorProfile({ db: ctx.db, scope, locale: ctx.locale, threshold }),
      ctx.db.epnPlace.groupBy({ by: ['communeNis'], _count: true })
    ]);
    return { threshold, activity, profile, placesByCommune: Object.fromEntries(places.map((p) => [p.communeNis, p._count])) };
  });
