import { router } from '@passerelle/trpc';
import { idea } from './idea.ts';
import { today } from './today.ts';
import { vote } from './vote.ts';

export const mediationRouter = router({ idea, vote, today });
