import { withPermission } from '@passerelle/trpc';
import { archiveSurvey } from '../../services/surveys.ts';
import { ZArchiveSurvey } from '../schemas.ts';

export const archive = withPermission('epn-survey.survey.manage')
  .input(ZArchiveSurvey)
  .mutation(async ({ ctx, input }) => {
    await archiveSurvey({ db: ctx.db, actor: ctx.actor, id: input.id, archived: input.archived });
    return { id: input.id, archived: input.archived };
  });
