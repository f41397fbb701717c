import { createHash } from 'node:crypto';
import { defineLimiter } from '@passerelle/auth';

// Rate limits of the plugin, stored in the database so that every app server shares them.
const MINUTE = 60;
const HOUR = 60 * MINUTE;

const responseLimiter = defineLimiter({ keyPrefix: 'epn-survey-response', points: 60, duration: HOUR });

export const surveyLimits = {
  /**
   * Responses through a public link: 60 an hour per client address — a desk where visitors answer one
   * after the other stays well under it. The address is hashed before it becomes a key, and the key
   * expires with the window.
   */
  response: { ...responseLimiter, consume: ({ db, key }: Parameters<typeof responseLimiter.consume>[0]) => responseLimiter.consume({ db, key: createHash('sha256').update(key).digest('hex').slice(0, 32) }) }
} as const;

/** Responses from one kiosk: 300 an hour (a queue of visitors, not a script). */
export const kioskLimit = defineLimiter({ keyPrefix: 'epn-survey-kiosk', points: 300, duration: HOUR });
