import type { BarometerContextProvider, Bridges } from '@passerelle/trpc';
import { epnContextFigures } from './barometer-context.ts';
import { recordActivity, ZActivityInput } from './activity.ts';
import { TOPICS } from './lists.ts';

// What epn-survey offers other plugins (wired by packages/api/src/bridges.ts).

const KNOWN_TOPICS = new Set<string>(TOPICS);

/** mobile-epn: a workshop's attendance becomes (or corrects) one activity record, place "mobile". */
export const recordMobileActivity: NonNullable<Bridges['recordMobileActivity']> = async ({ db, actor, activity }) => {
  const topics = [...new Set(activity.topics.map((t) => (KNOWN_TOPICS.has(t) ? t : 'other')))];
  const input = ZActivityInput.parse({
    placeId: null,
    kind: 'session',
    date: activity.date,
    sessionType: activity.sessionType,
    durationMinutes: activity.durationMinutes,
    location: 'mobile',
    topics,
    attendees: activity.attendees,
    note: activity.note.slice(0, 500)
  });
  const { id } = await recordActivity({ db, actor, organisationId: activity.organisationId, input, source: 'mobile-epn', externalRef: activity.externalRef });
  return { id };
};

/** barometer: EPNs per 10,000 residents aged 16–74, and the sessions and attendees EPNs reported, per commune. */
export const barometerContextFigures: BarometerContextProvider = ({ db, year, population }) => epnContextFigures({ db, year, population });
