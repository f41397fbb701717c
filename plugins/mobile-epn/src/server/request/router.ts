import { router } from '@passerelle/trpc';
import { create } from './create.ts';
import { decline } from './decline.ts';
import { get } from './get.ts';
import { mediate } from './mediate.ts';
import { mediation } from './mediation.ts';
import { mine } from './mine.ts';
import { queue } from './queue.ts';
import { withdraw } from './withdraw.ts';

export const requestRouter = router({ create, mediate, mediation, mine, withdraw, queue, get, decline });
