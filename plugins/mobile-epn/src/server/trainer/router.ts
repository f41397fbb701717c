import { router } from '@passerelle/trpc';

export const trainerRouter = router({});
