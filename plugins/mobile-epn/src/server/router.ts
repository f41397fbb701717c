import { createCallerFactory, router, type Context } from '@passerelle/trpc';
import { assertPluginEnabled } from '@passerelle/plugin-sdk/server';
import { MOBILE_EPN } from '../manifest.ts';
import { venueRouter } from './venue/router.ts';
import { trainerRouter } from './trainer/router.ts';
import { kitRouter } from './kit/router.ts';
import { requestRouter } from './request/router.ts';
import { settingsRouter } from './settings/router.ts';

import { sessionRouter } from './session/router.ts';

import { registrationRouter } from './registration/router.ts';
import { attendanceRouter } from './attendance/router.ts';

import { feedRouter } from './feed/router.ts';
import { calendarRouter } from './calendar/router.ts';

/** Wiring only: each procedure lives in its own file. */
export const mobileEpnRouter = router({
  venue: venueRouter,
  trainer: trainerRouter,
  kit: kitRouter,
  request: requestRouter,
  settings: settingsRouter,

  session: sessionRouter,

  registration: registrationRouter,
  attendance: attendanceRouter,

  feed: feedRouter,
  calendar: calendarRouter
});

export type MobileEpnRouter = typeof mobileEpnRouter;

/** The server-side caller for this plugin's load functions and form actions. */
const createCaller = createCallerFactory(mobileEpnRouter);
export function mobileEpnCaller(event: { locals: { ctx: Context } }) {
  assertPluginEnabled(event.locals.ctx, MOBILE_EPN);
  return createCaller(event.locals.ctx);
}
