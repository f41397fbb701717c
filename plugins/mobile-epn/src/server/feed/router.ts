import { router } from '@passerelle/trpc';

export const feedRouter = router({});
