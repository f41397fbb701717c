import { router } from '@passerelle/trpc';
import { get } from './get.ts';
import { set } from './set.ts';
import { unsubscribe } from './unsubscribe.ts';

export const notificationsRouter = router({ get, set, unsubscribe });
