import { router } from '@passerelle/trpc';
import { get } from './get.ts';

export const taskRouter = router({ get });
