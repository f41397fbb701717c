import { router } from '@passerelle/trpc';

export const kitRouter = router({});
