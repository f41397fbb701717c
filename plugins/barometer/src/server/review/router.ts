import { router } from '@passerelle/trpc';
import { approve } from './approve.ts';
import { sendBack } from './send-back.ts';

export const reviewRouter = router({ approve, sendBack });
