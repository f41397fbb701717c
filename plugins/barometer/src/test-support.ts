// Shared set-up for the plugin's tests: callers over the plugin's router with the context the host would
// build, mounted under the plugin id as in the host's root router.
import type { Db } from '@passerelle/db';
import { pluginTestContext } from '@passerelle/plugin-sdk/testing';
import { createCallerFactory, router, type Actor, type Bridges, type OutgoingMail } from '@passerelle/trpc';
import { barometerManifest } from './manifest.ts';
import { barometerRouter } from './server/router.ts';

export { createTestActor } from '@passerelle/plugin-sdk/testing';

const createCaller = createCallerFactory(router({ barometer: barometerRouter }));

const noMail = async () => {
  throw new Error('unexpected email in this test');
};

export interface CallerOptions {
  sendMail?: (m: OutgoingMail) => Promise<void>;
  bridges?: Bridges;
  enabled?: boolean;
  locale?: string;
}

export function callerFor(db: Db, actor: Actor | null, opts: CallerOptions = {}) {
  return createCaller(
    pluginTestContext({
      db,
      actor,
      manifest: barometerManifest,
      sendMail: opts.sendMail ?? noMail,
      ...(opts.bridges ? { bridges: opts.bridges } : {}),
      ...(opts.enabled === undefined ? {} : { enabled: opts.enabled }),
      ...(opts.locale ? { locale: opts.locale } : {})
    })
  ).barometer;
}
