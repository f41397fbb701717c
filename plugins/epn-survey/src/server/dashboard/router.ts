import { router } from '@passerelle/trpc';
import { region } from './region.ts';
import { workspace } from './workspace.ts';

export const dashboardRouter = router({ workspace, region });
