import { AppError, withPermission } from '@passerelle/trpc';
import { organisationScope, requireOrganisation } from '../../services/access.ts';
import { activityDashboard, visitorProfile } from '../../services/dashboard.ts';
import { suppressionThreshold } from '../../services/settings.ts';
import { ZWorkspaceDashboard } from './schemas.ts';

/** An organisation's (or one EPN's) activity and visitor profiles for a year; members see their own only. */
export const workspace = withPermission('epn-survey.place.manage')
  .input(ZWorkspaceDashboard)
  .query(async ({ ctx, input }) => {
    let organisationIds = organisationScope(ctx.actor);
    if (input.placeId) {
      const place = await ctx.db.epnPlace.findUnique({ where: { id: input.placeId }, select: { organisationId: true } });
      if (!place) throw new AppError('NOT_FOUND');
      requireOrganisation(ctx.actor, place.organisationId);
      organisationIds = [place.organisationId];
    } else if (input.organisationId) {
      requireOrganisation(ctx.actor, input.organisationId);
      organisationIds = [input.organisationId];
    }
    const scope = { organisationIds, placeId: input.placeId ?? null, year: input.year };
    const threshold = await suppressionThreshold(ctx.db);
    const [activity, profile] = await Promise.all([activityDashboard({ db: ctx.db, scope, locale: ctx.locale }), visitorProfile({ db: ctx.db, scope, locale: ctx.locale, threshold })]);
    return { threshold, activity, profile };
  });
