import { router } from '@passerelle/trpc';
import { list } from './list.ts';
import { record } from './record.ts';
import { remove } from './remove.ts';

export const activityRouter = router({ record, list, remove });
