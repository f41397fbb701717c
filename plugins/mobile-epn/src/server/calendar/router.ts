import { router } from '@passerelle/trpc';
import { day } from './day.ts';
import { mine } from './mine.ts';
import { view } from './view.ts';

export const calendarRouter = router({ view, day, mine });
