import { withPermission } from '@passerelle/trpc';
import { surveyExport } from '../../services/exports.ts';
import { ZId } from '../schemas.ts';

/** What an export of a survey's responses needs (its columns), for people allowed to export it. */
export const survey = withPermission('epn-survey.response.export')
  .input(ZId)
  .query(({ ctx, input }) => surveyExport({ db: ctx.db, actor: ctx.actor, surveyId: input.id, locale: ctx.locale }));
