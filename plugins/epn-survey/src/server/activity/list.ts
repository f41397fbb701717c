import { withPermission } from '@passerelle/trpc';
import { listActivities, ZActivityFilters } from '../../services/activity.ts';

export const list = withPermission('epn-survey.activity.record').input(ZActivityFilters).query(({ ctx, input }) => listActivities({ db: ctx.db, actor: ctx.actor, filters: input }));
