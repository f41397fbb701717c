import { router } from '@passerelle/trpc';
import { survey } from './survey.ts';

export const exportRouter = router({ survey });
