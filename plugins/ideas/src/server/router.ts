import { createCallerFactory, router, type Context } from '@passerelle/trpc';
import { assertPluginEnabled } from '@passerelle/plugin-sdk/server';
import { IDEAS } from '../manifest.ts';
import { commentRouter } from './comment/router.ts';
import { consultationRouter } from './consultation/router.ts';
import { ideaRouter } from './idea/router.ts';
import { followupRouter } from './followup/router.ts';
import { juryRouter } from './jury/router.ts';
import { notificationsRouter } from './notifications/router.ts';
import { openDataRouter } from './open-data/router.ts';
import { resultsRouter } from './results/router.ts';
import { mediationRouter } from './mediation/router.ts';
import { moderationRouter } from './moderation/router.ts';
import { voteRouter } from './vote/router.ts';

/** Wiring only: each procedure lives in its own file. */
export const ideasRouter = router({
  consultation: consultationRouter,
  idea: ideaRouter,
  comment: commentRouter,
  moderation: moderationRouter,
  jury: juryRouter,
  results: resultsRouter,
  followup: followupRouter,
  notifications: notificationsRouter,
  openData: openDataRouter,
  vote: voteRouter,
  mediation: mediationRouter
});

export type IdeasRouter = typeof ideasRouter;

/** The server-side caller for this plugin's load functions and form actions. */
const createCaller = createCallerFactory(ideasRouter);
export function ideasCaller(event: { locals: { ctx: Context } }) {
  assertPluginEnabled(event.locals.ctx, IDEAS);
  return createCaller(event.locals.ctx);
}
