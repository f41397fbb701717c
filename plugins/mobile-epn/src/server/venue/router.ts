import { router } from '@passerelle/trpc';

export const venueRouter = router({});
