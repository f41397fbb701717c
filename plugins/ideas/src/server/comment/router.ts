import { router } from '@passerelle/trpc';
import { add } from './add.ts';
import { list } from './list.ts';
import { report } from './report.ts';

export const commentRouter = router({ list, add, report });
