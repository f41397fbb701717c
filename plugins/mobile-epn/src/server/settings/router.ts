import { router } from '@passerelle/trpc';
import { get } from './get.ts';
import { set } from './set.ts';

export const settingsRouter = router({ get, set });
