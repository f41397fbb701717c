import { router } from '@passerelle/trpc';
import { act } from './act.ts';
import { queue } from './queue.ts';

export const moderationRouter = router({ queue, act });
