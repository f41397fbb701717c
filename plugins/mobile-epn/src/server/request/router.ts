import { router } from '@passerelle/trpc';

export const requestRouter = router({});
