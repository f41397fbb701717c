import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { surveyKiosks } from '../../services/kiosks.ts';

export const list = withPermission('epn-survey.survey.manage')
  .input(z.object({ surveyId: z.string().min(1).max(64) }))
  .query(({ ctx, input }) => surveyKiosks({ db: ctx.db, actor: ctx.actor, surveyId: input.surveyId }));
