import { withPermission } from '@passerelle/trpc';
import { activityForEditing } from '../../services/activity.ts';
import { ZId } from '../schemas.ts';

/** One record of the caller's organisations, for its correction form. */
export const forEditing = withPermission('epn-survey.activity.record').input(ZId).query(({ ctx, input }) => activityForEditing({ db: ctx.db, actor: ctx.actor, id: input.id }));
