import { router } from '@passerelle/trpc';

export const calendarRouter = router({});
