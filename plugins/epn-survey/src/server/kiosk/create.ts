import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { createKiosk } from '../../services/kiosks.ts';

/** A kiosk for a survey; the answer holds its token, shown once. */
export const create = withPermission('epn-survey.survey.manage')
  .input(z.object({ surveyId: z.string().min(1).max(64), placeId: z.string().min(1).max(64).nullable(), label: z.string().trim().min(1, { message: 'epn_survey_error_kiosk_label' }).max(100) }))
  .mutation(({ ctx, input }) => createKiosk({ db: ctx.db, actor: ctx.actor, surveyId: input.surveyId, placeId: input.placeId, label: input.label }));
