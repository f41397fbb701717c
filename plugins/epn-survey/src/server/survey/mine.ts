import { withPermission } from '@passerelle/trpc';
import { mySurveys } from '../../services/surveys.ts';

export const mine = withPermission('epn-survey.survey.manage').query(({ ctx }) => mySurveys({ db: ctx.db, actor: ctx.actor, locale: ctx.locale }));
