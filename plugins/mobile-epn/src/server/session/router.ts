import { router } from '@passerelle/trpc';

export const sessionRouter = router({});
