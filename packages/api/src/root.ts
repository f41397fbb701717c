import { createCallerFactory, router } from '@passerelle/trpc';
import { accountRouter } from './core/account/router.ts';
import { adminRouter } from './core/admin/router.ts';
import { organisationRouter } from './core/organisation/router.ts';
import { taskRouter } from './core/task/router.ts';
import { ideasRouter } from '@passerelle/plugin-ideas/router';
import { epnSurveyRouter } from '@passerelle/plugin-epn-survey/router';
import { mobileEpnRouter } from '@passerelle/plugin-mobile-epn/router';
import { barometerRouter } from '@passerelle/plugin-barometer/router';

/**
 * The root router. Core routers first, then one line per plugin, keyed by the plugin id (the tRPC base
 * procedure uses that key to answer 404 when the plugin is switched off).
 */
export const appRouter = router({
  account: accountRouter,
  organisation: organisationRouter,
  admin: adminRouter,
  task: taskRouter,
  // Plugins, keyed by their id.
  ideas: ideasRouter,
  'epn-survey': epnSurveyRouter,
  'mobile-epn': mobileEpnRouter,
  barometer: barometerRouter
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
