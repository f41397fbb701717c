import { z } from 'zod';
import { AppError, publicProcedure } from '@passerelle/trpc';
import { kioskByToken } from '../../services/kiosks.ts';
import { publishedSurvey } from '../../services/surveys.ts';

export const ZKioskToken = z.string().trim().min(1).max(200);

/** What a kiosk token opens: the kiosk and its survey's published questions (no login: the token is the key). */
export const unlock = publicProcedure.input(z.object({ token: ZKioskToken })).query(async ({ ctx, input }) => {
  const kiosk = await kioskByToken({ db: ctx.db, token: input.token });
  if (!kiosk) throw new AppError('NOT_FOUND', 'unknown kiosk', { messageKey: 'epn_survey_error_kiosk_token' });
  const survey = await publishedSurvey({ db: ctx.db, code: kiosk.code });
  return { kiosk: { label: kiosk.label }, code: survey.code, version: survey.version, definition: survey.definition };
});
