import { withPermission } from '@passerelle/trpc';
import { suppressionThreshold } from '../../services/settings.ts';
import { MIN_SUPPRESSION_THRESHOLD } from '../../services/suppression.ts';

export const get = withPermission('epn-survey.settings.manage').query(async ({ ctx }) => ({ threshold: await suppressionThreshold(ctx.db), minimum: MIN_SUPPRESSION_THRESHOLD }));
