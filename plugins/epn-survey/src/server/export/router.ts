import { router } from '@passerelle/trpc';
import { start } from './start.ts';
import { survey } from './survey.ts';

export const exportRouter = router({ survey, start });
