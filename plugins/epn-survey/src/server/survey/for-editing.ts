import { withPermission } from '@passerelle/trpc';
import { surveyForEditing } from '../../services/surveys.ts';
import { ZId } from '../schemas.ts';

export const forEditing = withPermission('epn-survey.survey.manage').input(ZId).query(({ ctx, input }) => surveyForEditing({ db: ctx.db, actor: ctx.actor, id: input.id }));
