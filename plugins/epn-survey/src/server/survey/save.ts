import { withPermission } from '@passerelle/trpc';
import { saveDraft } from '../../services/surveys.ts';
import { ZSaveSurvey } from '../schemas.ts';

export const save = withPermission('epn-survey.survey.manage').input(ZSaveSurvey).mutation(({ ctx, input }) => saveDraft({ db: ctx.db, actor: ctx.actor, id: input.id, definition: input.definition }));
