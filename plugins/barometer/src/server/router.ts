import { createCallerFactory, router, type Context } from '@passerelle/trpc';
import { assertPluginEnabled } from '@passerelle/plugin-sdk/server';
import { BAROMETER } from '../manifest.ts';
import { editionRouter } from './edition/router.ts';
import { reviewRouter } from './review/router.ts';
import { publishedRouter } from './published/router.ts';
import { dataRouter } from './data/router.ts';

/** Wiring only: each procedure lives in its own file. */
export const barometerRouter = router({
  // Staff: editions, imports, drafts, corrections.
  edition: editionRouter,
  // Staff: the second pair of eyes (approve with a release time, or send back).
  review: reviewRouter,
  // Everyone: released versions only (services/published.ts), for the public pages.
  published: publishedRouter,
  // Everyone: open data (tables as CSV/XLSX/JSON, data packages), released versions only.
  data: dataRouter
});

export type BarometerRouter = typeof barometerRouter;

/** The server-side caller for this plugin's load functions, form actions and endpoints. */
const createCaller = createCallerFactory(barometerRouter);
export function barometerCaller(event: { locals: { ctx: Context } }) {
  assertPluginEnabled(event.locals.ctx, BAROMETER);
  return createCaller(event.locals.ctx);
}
