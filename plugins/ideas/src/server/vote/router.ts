import { router } from '@passerelle/trpc';
import { cast } from './cast.ts';
import { mine } from './mine.ts';
import { results } from './results.ts';
import { withdraw } from './withdraw.ts';

export const voteRouter = router({ cast, withdraw, mine, results });
