import { AppError, withPermission } from '@passerelle/trpc';
import { requireOrganisation } from '../../services/access.ts';
import { ZOrganisationId } from '../schemas.ts';

/**
 * May the caller download the organisation's sessions? The file itself is streamed by the route
 * (services/activity-import.ts activitiesCsv), as the survey responses are.
 */
export const exportFile = withPermission('epn-survey.activity.record')
  .input(ZOrganisationId)
  .query(async ({ ctx, input }) => {
    requireOrganisation(ctx.actor, input.organisationId);
    const org = await ctx.db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, slug: true } });
    if (!org) throw new AppError('NOT_FOUND');
    return { organisationId: org.id, filename: `${org.slug}-sessions.csv` };
  });
