import { router } from '@passerelle/trpc';
import { approve } from './approve.ts';
import { queue } from './queue.ts';
import { sendBack } from './send-back.ts';

export const reviewRouter = router({ queue, approve, sendBack });
