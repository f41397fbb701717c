import { createCallerFactory, router, type Context } from '@passerelle/trpc';
import { assertPluginEnabled } from '@passerelle/plugin-sdk/server';
import { EPN_SURVEY } from '../manifest.ts';
import { activityRouter } from './activity/router.ts';
import { dashboardRouter } from './dashboard/router.ts';
import { exportRouter } from './export/router.ts';
import { kioskRouter } from './kiosk/router.ts';
import { settingsRouter } from './settings/router.ts';
import { placeRouter } from './place/router.ts';
import { surveyRouter } from './survey/router.ts';

/** Wiring only: each procedure lives in its own file. */
export const epnSurveyRouter = router({
  place: placeRouter,
  survey: surveyRouter,
  activity: activityRouter,
  dashboard: dashboardRouter,
  settings: settingsRouter,
  export: exportRouter,
  kiosk: kioskRouter
});

export type EpnSurveyRouter = typeof epnSurveyRouter;

/** The server-side caller for this plugin's load functions and form actions. */
const createCaller = createCallerFactory(epnSurveyRouter);
export function epnSurveyCaller(event: { locals: { ctx: Context } }) {
  assertPluginEnabled(event.locals.ctx, EPN_SURVEY);
  return createCaller(event.locals.ctx);
}
