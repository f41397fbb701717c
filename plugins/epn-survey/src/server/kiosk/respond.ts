import { z } from 'zod';
import { AppError, publicProcedure } from '@passerelle/trpc';
import { kioskByToken } from '../../services/kiosks.ts';
import { kioskLimit } from '../../services/limits.ts';
import { submitResponse } from '../../services/surveys.ts';
import { ZRespond } from '../schemas.ts';
import { ZKioskToken } from './unlock.ts';

/**
 * One response from a kiosk: the kiosk's token authorises it, its EPN is recorded, and the idempotency
 * key (one per response, made by the kiosk page) makes a resend after a network failure count once.
 */
export const respond = publicProcedure
  .input(ZRespond.omit({ code: true }).extend({ token: ZKioskToken, idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/) }))
  .mutation(async ({ ctx, input }) => {
    const kiosk = await kioskByToken({ db: ctx.db, token: input.token });
    if (!kiosk) throw new AppError('NOT_FOUND', 'unknown kiosk', { messageKey: 'epn_survey_error_kiosk_token' });
    await kioskLimit.consume({ db: ctx.db, key: kiosk.id });
    const r = await submitResponse({ db: ctx.db, code: kiosk.code, answers: input.answers, channel: 'kiosk', placeId: kiosk.placeId, idempotencyKey: input.idempotencyKey, ...(input.version ? { expectedVersion: input.version } : {}) });
    return { ok: true as const, duplicate: r.duplicate };
  });
