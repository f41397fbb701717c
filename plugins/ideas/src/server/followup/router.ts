import { router } from '@passerelle/trpc';
import { add } from './add.ts';
import { follow } from './follow.ts';
import { following } from './following.ts';
import { timeline } from './timeline.ts';

export const followupRouter = router({ add, timeline, follow, following });
