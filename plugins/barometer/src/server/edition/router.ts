import { router } from '@passerelle/trpc';
import { list } from './list.ts';

export const editionRouter = router({ list });
