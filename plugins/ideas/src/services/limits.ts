import { defineLimiter } from '@passerelle/auth';

// Rate limits of the plugin, stored in the database so that every app server shares them.
const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const ideaLimits = {
  /** New ideas per person: 5 an hour (the consultation's own maximum applies too). */
  idea: defineLimiter({ keyPrefix: 'ideas-idea', points: 5, duration: HOUR }),
  /** Comments per person: 10 in 10 minutes. */
  comment: defineLimiter({ keyPrefix: 'ideas-comment', points: 10, duration: 10 * MINUTE }),
  /** Reports per person: 20 an hour. */
  report: defineLimiter({ keyPrefix: 'ideas-report', points: 20, duration: HOUR }),
  /** Vote changes per person: 60 a minute (enough for anyone, not for a script). */
  vote: defineLimiter({ keyPrefix: 'ideas-vote', points: 60, duration: MINUTE })
} as const;
