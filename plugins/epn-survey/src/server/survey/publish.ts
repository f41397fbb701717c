import { withPermission } from '@passerelle/trpc';
import { publishSurvey } from '../../services/surveys.ts';
import { ZId } from '../schemas.ts';

export const publish = withPermission('epn-survey.survey.manage').input(ZId).mutation(({ ctx, input }) => publishSurvey({ db: ctx.db, actor: ctx.actor, id: input.id }));
