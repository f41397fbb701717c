import { router } from '@passerelle/trpc';
import { get } from './get.ts';
import { setThreshold } from './set-threshold.ts';

export const settingsRouter = router({ get, setThreshold });
