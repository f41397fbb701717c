import { withPermission } from '@passerelle/trpc';
import { createSurvey } from '../../services/surveys.ts';
import { ZCreateSurvey } from '../schemas.ts';

/** A new survey for an organisation (or region-wide, staff only), from the visitor-profile template or a definition. */
export const create = withPermission('epn-survey.survey.manage')
  .input(ZCreateSurvey)
  .mutation(({ ctx, input }) =>
    createSurvey({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, ...('fromTemplate' in input ? { fromTemplate: true } : { definition: input.definition }) })
  );
