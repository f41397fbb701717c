import { router } from '@passerelle/trpc';

export const settingsRouter = router({});
