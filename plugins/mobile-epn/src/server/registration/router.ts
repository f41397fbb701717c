import { router } from '@passerelle/trpc';

export const registrationRouter = router({});
